package vn.danvan.notify;

import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.transaction.support.TransactionTemplate;
import vn.danvan.support.MovableClock;

/**
 * The outbox wired by hand on a fresh in-memory H2 database (the default run's database), with a
 * mail server that accepts or refuses, the demo SMS gateway and a clock the test moves.
 */
final class H2Outbox {

  /** A JavaMailSender that keeps what it is given, or fails like an SMTP server that rejects the recipient. */
  static final class FakeMailServer extends JavaMailSenderImpl {
    final List<MimeMessage> received = new ArrayList<>();
    volatile boolean down;

    @Override
    public void send(MimeMessage... messages) {
      if (down) {
        // Like real servers and gateways: the address (and here a phone number too) echoed in the error.
        throw new MailSendException("550 5.1.1 <" + EMAIL + ">: Recipient address rejected (" + PHONE + ")");
      }
      received.addAll(List.of(messages));
    }
  }

  static final String EMAIL = "nhung.nguyen@example.vn";
  static final String PHONE = "0912345678";
  static final String NAME = "Nguyễn Thị Hồng Nhung";

  final JdbcTemplate jdbc;
  final TransactionTemplate tx;
  final FakeMailServer mail = new FakeMailServer();
  final MovableClock clock = new MovableClock(Instant.parse("2026-02-23T02:00:00Z"));
  final NotificationService service;
  final NotificationRepository repository;
  final NotifyProperties properties;
  final NotificationDispatcher dispatcher;

  H2Outbox(int maxAttempts, String smtpHost) {
    JdbcDataSource dataSource = new JdbcDataSource();
    dataSource.setURL("jdbc:h2:mem:notify-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
    dataSource.setUser("sa");
    Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").table("dv_schema_history").load().migrate();
    DataSourceTransactionManager transactions = new DataSourceTransactionManager(dataSource);
    jdbc = new JdbcTemplate(dataSource);
    tx = new TransactionTemplate(transactions);
    properties = new NotifyProperties("https://dichvucong.quangtri.gov.vn", "/api/public/dossiers/{code}",
        new NotifyProperties.Mail("no-reply@danvan.local"),
        new NotifyProperties.Dispatch(false, Duration.ofSeconds(30), 2, Duration.ofMinutes(5)),
        new NotifyProperties.Retry(maxAttempts, Duration.ofMinutes(1), Duration.ofHours(6)),
        new NotifyProperties.Sms(true));
    repository = new NotificationRepository(jdbc, new vn.danvan.config.TransactionInserts(jdbc, true));
    StaticListableBeanFactory beans = new StaticListableBeanFactory(Map.of("mail", mail, "sms", new LoggingSmsGateway()));
    EmailSender email = new EmailSender(beans.getBeanProvider(JavaMailSender.class), smtpHost, "25", properties);
    SmsDelivery sms = new SmsDelivery(beans.getBeanProvider(SmsSender.class));
    service = new NotificationService(new NotificationTemplates(), repository, properties, clock);
    dispatcher = new NotificationDispatcher(repository, email, sms, properties, transactions, clock);
  }

  static Map<String, String> receiptValues() {
    return Map.of("applicantName", NAME, "unitName", "phường Đông Hà", "procedureName", "Đăng ký khai sinh",
        "appointmentDate", "17:00 ngày 26/02/2026");
  }

  String queueEmail(String caseRef) {
    return tx.execute(s -> service.queue(Notification.email(EMAIL, NotificationKind.RECEIPT, caseRef, "dongha",
        receiptValues())));
  }

  String queueSms(String caseRef) {
    return tx.execute(s -> service.queue(Notification.sms(PHONE, NotificationKind.RECEIPT, caseRef, "dongha",
        receiptValues())));
  }

  QueuedNotification row(String id) {
    return service.find(id).orElseThrow();
  }
}
