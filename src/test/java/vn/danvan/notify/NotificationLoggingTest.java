package vn.danvan.notify;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * No personal data in the logs: the recipient's address, phone number and name never appear in what
 * queueing and dispatching log, whether the send succeeds or fails (with a server that echoes them).
 */
@ExtendWith(OutputCaptureExtension.class)
class NotificationLoggingTest {

  private final H2Outbox outbox = new H2Outbox(2, "smtp.example.vn");

  @Test
  void queueAndSuccessfulDispatchLogNoPersonalData(CapturedOutput output) {
    String email = outbox.queueEmail("DH-2026-0101");
    String sms = outbox.queueSms("DH-2026-0102");

    assertThat(outbox.dispatcher.dispatchDue()).isEqualTo(2);

    // The log says what happened (so the capture works) ...
    assertThat(output.getOut()).contains("Queued notification " + email, "Sent notification " + email,
        "Sent notification " + sms, "09******78");
    assertNoPersonalData(output);
  }

  @Test
  void failedAndAbandonedDispatchLogNoPersonalData(CapturedOutput output) {
    String id = outbox.queueEmail("DH-2026-0103");
    outbox.mail.down = true;

    outbox.dispatcher.dispatchDue();
    outbox.clock.advance(Duration.ofHours(1));
    outbox.dispatcher.dispatchDue();

    assertThat(outbox.row(id).state()).isEqualTo(NotificationState.FAILED);
    assertThat(output.getOut()).contains("attempt 1 failed", "given up", "Recipient address rejected");
    assertNoPersonalData(output);
  }

  @Test
  void notificationInALogMessageShowsNoRecipient(CapturedOutput output) {
    org.slf4j.LoggerFactory.getLogger(getClass()).info("Cannot handle {}", Notification.sms(H2Outbox.PHONE,
        NotificationKind.RECEIPT, "DH-2026-0104", "dongha", H2Outbox.receiptValues()));

    assertThat(output.getOut()).contains("Cannot handle Notification[SMS RECEIPT case DH-2026-0104");
    assertNoPersonalData(output);
  }

  private static void assertNoPersonalData(CapturedOutput output) {
    assertThat(output.getAll()).doesNotContain(H2Outbox.EMAIL, "nhung.nguyen", H2Outbox.PHONE, "345678",
        H2Outbox.NAME, "Hồng Nhung");
  }
}
