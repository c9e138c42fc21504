package vn.danvan.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.mail.internet.InternetAddress;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The outbox on H2 in its default mode (the database of a plain {@code ./mvnw spring-boot:run}):
 * queueing in the caller's transaction, sending, retries with backoff, giving up. PostgreSQL, a real
 * SMTP server and concurrent dispatchers are covered by {@code NotificationDispatchIT}.
 */
class NotificationOutboxH2Test {

  private final H2Outbox outbox = new H2Outbox(3, "smtp.example.vn");

  private int rows() {
    return outbox.jdbc.queryForObject("SELECT COUNT(*) FROM dv_notification", Integer.class);
  }

  @Test
  void queuedMessageIsStoredPendingAndDueNowWithItsRenderedVietnameseText() {
    String id = outbox.queueEmail("DH-2026-0001");

    QueuedNotification row = outbox.row(id);
    assertThat(row.state()).isEqualTo(NotificationState.PENDING);
    assertThat(row.attempts()).isZero();
    assertThat(row.nextAttemptAt()).isEqualTo(outbox.clock.instant());
    assertThat(row.recipient()).isEqualTo(H2Outbox.EMAIL);
    assertThat(row.subject()).isEqualTo("Hồ sơ DH-2026-0001 đã được tiếp nhận");
    assertThat(row.body()).contains("Kính gửi Ông/Bà " + H2Outbox.NAME,
        "https://dichvucong.quangtri.gov.vn/api/public/dossiers/DH-2026-0001");
    assertThat(outbox.mail.received).isEmpty();
  }

  @Test
  void aKindWithoutThePublicLinkIsStoredWithoutItEvenIfTheCallerPassesOne() {
    NotificationService service = new NotificationService(
        new NotificationTemplates("classpath*:notify-kinds/unlinked/*.yaml"), outbox.repository, outbox.properties, outbox.clock);
    Map<String, String> values = new HashMap<>(H2Outbox.receiptValues());
    values.put("statusUrl", "https://dichvucong.quangtri.gov.vn/api/public/dossiers/TC-2026-0001");

    String id = outbox.tx.execute(s -> service.queue(Notification.email(H2Outbox.EMAIL,
        NotificationKind.of("DENUNCIATION_RECEIVED"), "TC-2026-0001", "dongha", values)));

    QueuedNotification row = outbox.service.find(id).orElseThrow();
    assertThat(row.kind()).isEqualTo(NotificationKind.of("DENUNCIATION_RECEIVED"));
    assertThat(row.subject() + row.body()).contains("Kính gửi Ông/Bà " + H2Outbox.NAME)
        .doesNotContain("http", "dichvucong", "TC-2026-0001");
    assertThat(outbox.jdbc.queryForObject("SELECT COUNT(*) FROM dv_notification WHERE body LIKE '%http%' OR subject LIKE '%http%'",
        Integer.class)).isZero();
  }

  @Test
  void messageRollsBackWithTheCaseStepThatQueuedIt() {
    assertThatThrownBy(() -> outbox.tx.executeWithoutResult(status -> {
      outbox.service.queue(Notification.email(H2Outbox.EMAIL, NotificationKind.RECEIPT, "DH-2026-0002", "dongha",
          H2Outbox.receiptValues()));
      throw new IllegalStateException("the case step failed");
    })).hasMessage("the case step failed");

    assertThat(rows()).isZero();
  }

  @Test
  void missingValueStoresNothing() {
    Map<String, String> values = new HashMap<>(H2Outbox.receiptValues());
    values.remove("appointmentDate");

    assertThatThrownBy(() -> outbox.service.queue(Notification.sms(H2Outbox.PHONE, NotificationKind.RECEIPT,
        "DH-2026-0003", "dongha", values))).isInstanceOf(MissingNotificationValueException.class)
        .hasMessageContaining("'appointmentDate'");
    assertThat(rows()).isZero();
  }

  @Test
  void dispatchSendsDueEmailsAndMarksThemSent() throws Exception {
    String first = outbox.queueEmail("DH-2026-0004");
    String second = outbox.queueEmail("DH-2026-0005");
    String third = outbox.queueEmail("DH-2026-0006");

    // Three messages with a batch size of two: one run takes both batches.
    assertThat(outbox.dispatcher.dispatchDue()).isEqualTo(3);

    assertThat(outbox.mail.received).hasSize(3);
    assertThat(outbox.mail.received.get(0).getAllRecipients()).containsExactly(new InternetAddress(H2Outbox.EMAIL));
    for (String id : new String[] {first, second, third}) {
      QueuedNotification row = outbox.row(id);
      assertThat(row.state()).isEqualTo(NotificationState.SENT);
      assertThat(row.attempts()).isEqualTo(1);
      assertThat(row.sentAt()).isEqualTo(outbox.clock.instant());
    }
    assertThat(outbox.dispatcher.dispatchDue()).isZero();
    assertThat(outbox.mail.received).hasSize(3);
  }

  @Test
  void smsGoesThroughTheGatewayWithoutDiacritics() {
    String id = outbox.queueSms("DH-2026-0007");

    assertThat(outbox.row(id).body()).startsWith("Ho so DH-2026-0007 da duoc tiep nhan");
    assertThat(outbox.dispatcher.dispatchDue()).isEqualTo(1);
    assertThat(outbox.row(id).state()).isEqualTo(NotificationState.SENT);
  }

  @Test
  void failedSendIsRetriedWithExponentialBackoffAndNotBefore() {
    String id = outbox.queueEmail("DH-2026-0008");
    outbox.mail.down = true;

    assertThat(outbox.dispatcher.dispatchDue()).isZero();
    QueuedNotification afterFirst = outbox.row(id);
    assertThat(afterFirst.state()).isEqualTo(NotificationState.PENDING);
    assertThat(afterFirst.attempts()).isEqualTo(1);
    assertThat(afterFirst.nextAttemptAt()).isEqualTo(outbox.clock.instant().plus(Duration.ofMinutes(1)));
    assertThat(afterFirst.lastError()).startsWith("MailSendException: 550 5.1.1");

    outbox.clock.advance(Duration.ofSeconds(59));
    assertThat(outbox.dispatcher.dispatchDue()).isZero();
    assertThat(outbox.row(id).attempts()).as("not due yet").isEqualTo(1);

    outbox.clock.advance(Duration.ofSeconds(1));
    outbox.dispatcher.dispatchDue();
    QueuedNotification afterSecond = outbox.row(id);
    assertThat(afterSecond.attempts()).isEqualTo(2);
    assertThat(afterSecond.nextAttemptAt()).isEqualTo(outbox.clock.instant().plus(Duration.ofMinutes(2)));

    outbox.mail.down = false;
    outbox.clock.advance(Duration.ofMinutes(2));
    assertThat(outbox.dispatcher.dispatchDue()).isEqualTo(1);
    QueuedNotification sent = outbox.row(id);
    assertThat(sent.state()).isEqualTo(NotificationState.SENT);
    assertThat(sent.attempts()).isEqualTo(3);
    assertThat(sent.lastError()).isNull();
    assertThat(outbox.mail.received).hasSize(1);
  }

  @Test
  void messageIsFailedAfterMaxAttempts() {
    String id = outbox.queueEmail("DH-2026-0009");
    outbox.mail.down = true;

    for (int attempt = 1; attempt <= 3; attempt++) {
      outbox.dispatcher.dispatchDue();
      outbox.clock.advance(Duration.ofHours(1));
    }

    QueuedNotification row = outbox.row(id);
    assertThat(row.state()).isEqualTo(NotificationState.FAILED);
    assertThat(row.attempts()).isEqualTo(3);
    assertThat(row.lastError()).contains("Recipient address rejected");
    outbox.mail.down = false;
    assertThat(outbox.dispatcher.dispatchDue()).as("a FAILED message is not sent again").isZero();
  }

  @Test
  void emailWithoutSmtpHostFailsAtOnceWithAClearReason() {
    H2Outbox noSmtp = new H2Outbox(8, "");
    String id = noSmtp.queueEmail("DH-2026-0010");

    assertThat(noSmtp.dispatcher.dispatchDue()).isZero();

    QueuedNotification row = noSmtp.row(id);
    assertThat(row.state()).isEqualTo(NotificationState.FAILED);
    assertThat(row.attempts()).isEqualTo(1);
    assertThat(row.lastError()).isEqualTo("PermanentDeliveryException: e-mail disabled: no SMTP host configured");
    assertThat(noSmtp.mail.received).isEmpty();
  }

  @Test
  void storedErrorCarriesNoPersonalData() {
    String id = outbox.queueEmail("DH-2026-0011");
    outbox.mail.down = true;

    outbox.dispatcher.dispatchDue();

    assertThat(outbox.row(id).lastError()).contains("Recipient address rejected")
        .doesNotContain(H2Outbox.EMAIL, H2Outbox.PHONE);
  }
}
