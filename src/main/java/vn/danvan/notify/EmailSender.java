package vn.danvan.notify;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.mail.MailPreparationException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

/**
 * Sends e-mail notifications over SMTP ({@code spring.mail.*}, from {@code DANVAN_SMTP_*}) as
 * UTF-8 plain text from {@code danvan.notify.mail.from}.
 *
 * <p>SMTP is optional: without a host, startup logs "e-mail disabled" and every e-mail message is
 * marked FAILED with "no SMTP host configured" instead of piling up as PENDING (a receipt sent
 * weeks later, once someone configures SMTP, would mislead more than it helps). Operators can set
 * such rows back to PENDING after configuring SMTP (see README).
 */
@Component
class EmailSender {

  private static final Logger LOG = LoggerFactory.getLogger(EmailSender.class);

  private final JavaMailSender mailSender;
  private final InternetAddress from;

  EmailSender(ObjectProvider<JavaMailSender> mailSender, @Value("${spring.mail.host:}") String host,
      @Value("${spring.mail.port:25}") String port, NotifyProperties properties) {
    // Spring Boot creates a JavaMailSender even for an empty spring.mail.host: check the host itself.
    this.mailSender = host.isBlank() ? null : mailSender.getIfAvailable();
    this.from = fromAddress(properties.mail().from());
    if (this.mailSender == null) {
      LOG.warn("E-mail notifications disabled: no SMTP host configured (DANVAN_SMTP_HOST); e-mail messages will be"
          + " marked FAILED");
    } else {
      LOG.info("E-mail notifications via SMTP server {}:{} from {}", host, port, from);
    }
  }

  private static InternetAddress fromAddress(String from) {
    try {
      return new InternetAddress(from, true);
    } catch (AddressException e) {
      throw new IllegalStateException("danvan.notify.mail.from (DANVAN_MAIL_FROM) is not an e-mail address: " + from, e);
    }
  }

  boolean enabled() {
    return mailSender != null;
  }

  /**
   * Hands the message to the SMTP server, under a Message-ID made of the outbox row's id: a message
   * sent again (its node died after the server accepted it and before the outbox recorded it, see
   * {@link NotificationDispatcher}) carries the same Message-ID, by which mail systems and clients
   * recognise it as the same message.
   *
   * @throws PermanentDeliveryException if e-mail is disabled or the address cannot be parsed
   * @throws org.springframework.mail.MailException if the server cannot be reached or refuses the
   *     message (temporary: retried)
   */
  void send(String notificationId, String to, String subject, String body) {
    if (mailSender == null) {
      throw new PermanentDeliveryException("e-mail disabled: no SMTP host configured");
    }
    MimeMessage message = mailSender.createMimeMessage();
    try {
      MimeMessageHelper helper = new MimeMessageHelper(message, false, StandardCharsets.UTF_8.name());
      helper.setFrom(from);
      helper.setTo(to);
      helper.setSubject(subject);
      helper.setText(body, false);
      // kept by Spring's sender, which would otherwise give every attempt a new one
      message.setHeader("Message-ID", messageId(notificationId, from));
    } catch (AddressException e) {
      // No exception text: it quotes the address.
      throw new PermanentDeliveryException("invalid e-mail address");
    } catch (MessagingException e) {
      throw new MailPreparationException("Cannot prepare the e-mail", e);
    }
    mailSender.send(message);
  }

  /** {@code <id@domain of the sender>}: unique per outbox row, the same on every attempt. */
  static String messageId(String notificationId, InternetAddress from) {
    String address = from.getAddress();
    String domain = address.substring(address.indexOf('@') + 1);
    return "<" + notificationId + "@" + domain + ">";
  }
}
