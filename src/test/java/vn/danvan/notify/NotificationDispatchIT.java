package vn.danvan.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import vn.danvan.support.JarProcess;
import vn.danvan.support.PostgresIntegrationTest;

/**
 * The outbox end to end: the whole application on PostgreSQL sending through a real SMTP server
 * (GreenMail) running in the test. This class has its own Spring context (its SMTP port and retry
 * settings), with the dispatcher's schedule off: the tests call {@link NotificationDispatcher#dispatchDue()}.
 */
@PostgresIntegrationTest
class NotificationDispatchIT {

  private static final int SMTP_PORT = JarProcess.freePort();
  private static final int MAX_ATTEMPTS = 3;
  private static final String CITIZEN = NotificationSamples.CITIZEN;

  private static GreenMail smtp = startSmtp();

  @Autowired NotificationService notifications;
  @Autowired NotificationDispatcher dispatcher;
  @Autowired JdbcTemplate jdbc;
  @Autowired PlatformTransactionManager transactions;

  @DynamicPropertySource
  static void smtpServer(DynamicPropertyRegistry registry) {
    registry.add("spring.mail.host", () -> "127.0.0.1");
    registry.add("spring.mail.port", () -> SMTP_PORT);
    registry.add("danvan.notify.mail.from", () -> "motcua@dongha.quangtri.gov.vn");
    registry.add("danvan.notify.public-base-url", () -> "https://dichvucong.quangtri.gov.vn/");
    registry.add("danvan.notify.retry.max-attempts", () -> MAX_ATTEMPTS);
    // Small batches, so that concurrent dispatchers interleave.
    registry.add("danvan.notify.dispatch.batch-size", () -> 5);
    // A second engine named "default" would replace the shared context's engine in Camunda's static
    // registry, and /engine-rest of the ITs that run later would answer from this context's database.
    registry.add("camunda.bpm.process-engine-name", () -> "notificationDispatch");
  }

  @BeforeEach
  void emptyOutboxAndMailbox() throws Exception {
    if (!smtp.isRunning()) {
      smtp = startSmtp();
    }
    smtp.purgeEmailFromAllMailboxes();
    jdbc.update("DELETE FROM dv_notification");
  }

  @AfterAll
  static void stopSmtp() {
    smtp.stop();
  }

  private static GreenMail startSmtp() {
    GreenMail server = new GreenMail(new ServerSetup(SMTP_PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
    server.start();
    return server;
  }

  private String queue(String caseRef) {
    return notifications.queue(Notification.email(CITIZEN, NotificationKind.RECEIPT, caseRef, "dongha",
        NotificationSamples.receipt()));
  }

  /** Lets time pass for the outbox: every PENDING message is due now. */
  private void makePendingDue() {
    jdbc.update("UPDATE dv_notification SET next_attempt_at = CURRENT_TIMESTAMP - INTERVAL '1' SECOND"
        + " WHERE state = 'PENDING'");
  }

  private QueuedNotification row(String id) {
    return notifications.find(id).orElseThrow();
  }

  @Test
  void sendsAQueuedEmailInUtf8VietnameseToTheRecipient() throws Exception {
    String id = queue("DH-2026-000123");

    assertThat(dispatcher.dispatchDue()).isEqualTo(1);

    assertThat(smtp.waitForIncomingEmail(5_000, 1)).isTrue();
    MimeMessage received = smtp.getReceivedMessages()[0];
    assertThat(received.getAllRecipients()).containsExactly(new InternetAddress(CITIZEN));
    assertThat(received.getFrom()).containsExactly(new InternetAddress("motcua@dongha.quangtri.gov.vn"));
    assertThat(received.getSubject()).isEqualTo("Hồ sơ DH-2026-000123 đã được tiếp nhận");
    assertThat(received.getContentType()).containsIgnoringCase("charset=UTF-8");
    assertThat((String) received.getContent()).contains("Kính gửi Ông/Bà Nguyễn Thị Hồng Nhung",
        "Bộ phận Một cửa Ủy ban nhân dân phường Đông Hà đã tiếp nhận hồ sơ", "Ngày hẹn trả kết quả: 17:00 ngày 26/02/2026",
        "https://dichvucong.quangtri.gov.vn/tra-cuu.html#ma=DH-2026-000123");

    assertThat(received.getMessageID()).isEqualTo("<" + id + "@dongha.quangtri.gov.vn>");

    QueuedNotification sent = row(id);
    assertThat(sent.state()).isEqualTo(NotificationState.SENT);
    assertThat(sent.attempts()).isEqualTo(1);
    assertThat(sent.sentAt()).isNotNull();
    assertThat(dispatcher.dispatchDue()).as("sent once only").isZero();
  }

  @Test
  void aMessageSentAgainAfterItsNodeDiedCarriesTheSameMessageId() throws Exception {
    String id = queue("DH-2026-000127");
    assertThat(dispatcher.dispatchDue()).isEqualTo(1);
    // as if the node had died after the server accepted the message and before it recorded SENT
    jdbc.update("UPDATE dv_notification SET state = 'PENDING', sent_at = NULL WHERE id = ?", id);
    makePendingDue();
    assertThat(dispatcher.dispatchDue()).isEqualTo(1);

    assertThat(smtp.waitForIncomingEmail(5_000, 2)).isTrue();
    assertThat(smtp.getReceivedMessages()).extracting(MimeMessage::getMessageID)
        .containsExactly("<" + id + "@dongha.quangtri.gov.vn>", "<" + id + "@dongha.quangtri.gov.vn>");
    assertThat(row(id).attempts()).isEqualTo(2);
  }

  @Test
  void messageQueuedInARolledBackCaseStepIsNeverSent() {
    TransactionTemplate caseStep = new TransactionTemplate(transactions);
    assertThatThrownBy(() -> caseStep.executeWithoutResult(status -> {
      queue("DH-2026-000124");
      throw new IllegalStateException("the case step failed");
    })).hasMessage("the case step failed");

    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM dv_notification", Integer.class)).isZero();
    assertThat(dispatcher.dispatchDue()).isZero();
  }

  @Test
  void messageWaitsWhileSmtpIsDownAndIsSentWhenItIsBack() throws Exception {
    String id = queue("DH-2026-000125");
    smtp.stop();

    Instant beforeDispatch = Instant.now();
    assertThat(dispatcher.dispatchDue()).isZero();

    QueuedNotification waiting = row(id);
    assertThat(waiting.state()).isEqualTo(NotificationState.PENDING);
    assertThat(waiting.attempts()).isEqualTo(1);
    // The first retry waits the initial delay (one minute by default).
    assertThat(waiting.nextAttemptAt()).isAfter(beforeDispatch.plus(Duration.ofSeconds(55)));
    assertThat(waiting.lastError()).isNotBlank().doesNotContain(CITIZEN);
    assertThat(dispatcher.dispatchDue()).as("not due before its next attempt").isZero();
    assertThat(row(id).attempts()).isEqualTo(1);

    smtp = startSmtp();
    makePendingDue();
    assertThat(dispatcher.dispatchDue()).isEqualTo(1);

    assertThat(smtp.waitForIncomingEmail(5_000, 1)).isTrue();
    assertThat(smtp.getReceivedMessages()[0].getSubject()).isEqualTo("Hồ sơ DH-2026-000125 đã được tiếp nhận");
    QueuedNotification sent = row(id);
    assertThat(sent.state()).isEqualTo(NotificationState.SENT);
    assertThat(sent.attempts()).isEqualTo(2);
    assertThat(sent.lastError()).isNull();
  }

  @Test
  void messageFailsAfterMaxAttemptsWithoutSmtp() {
    String id = queue("DH-2026-000126");
    smtp.stop();

    for (int attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
      makePendingDue();
      dispatcher.dispatchDue();
      assertThat(row(id).attempts()).isEqualTo(attempt);
    }

    QueuedNotification failed = row(id);
    assertThat(failed.state()).isEqualTo(NotificationState.FAILED);
    assertThat(failed.lastError()).isNotBlank();
    makePendingDue();
    assertThat(dispatcher.dispatchDue()).as("a FAILED message is not tried again").isZero();
    assertThat(row(id).attempts()).isEqualTo(MAX_ATTEMPTS);
  }

  @Test
  void parallelDispatchersSendEveryMessageExactlyOnce() throws Exception {
    int messages = 60;
    List<String> ids = new ArrayList<>();
    for (int i = 1; i <= messages; i++) {
      ids.add(queue(String.format("DH-2026-%06d", 1000 + i)));
    }

    int dispatchers = 4;
    ExecutorService pool = Executors.newFixedThreadPool(dispatchers);
    CountDownLatch start = new CountDownLatch(1);
    try {
      List<Future<Integer>> runs = new ArrayList<>();
      for (int d = 0; d < dispatchers; d++) {
        Callable<Integer> dispatch = () -> {
          start.await();
          return dispatcher.dispatchDue();
        };
        runs.add(pool.submit(dispatch));
      }
      start.countDown();
      int sent = 0;
      for (Future<Integer> run : runs) {
        sent += run.get();
      }
      assertThat(sent).isEqualTo(messages);
    } finally {
      pool.shutdownNow();
    }

    assertThat(smtp.waitForIncomingEmail(10_000, messages)).isTrue();
    MimeMessage[] received = smtp.getReceivedMessages();
    List<String> subjects = new ArrayList<>();
    for (MimeMessage message : received) {
      subjects.add(message.getSubject());
    }
    assertThat(subjects).hasSize(messages).doesNotHaveDuplicates();
    Map<String, Integer> attempts = new HashMap<>();
    for (String id : ids) {
      QueuedNotification row = row(id);
      assertThat(row.state()).isEqualTo(NotificationState.SENT);
      attempts.merge("attempts=" + row.attempts(), 1, Integer::sum);
    }
    assertThat(attempts).containsExactly(Map.entry("attempts=1", messages));
    assertThat(Arrays.stream(received).count()).isEqualTo(messages);
  }
}
