package vn.danvan.notify;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends the due messages of the outbox: claims a batch, sends each through its channel, marks it
 * SENT, or counts the failure and schedules the next attempt with exponential backoff until the
 * attempts run out (then FAILED).
 *
 * <p>Safe with several application nodes on one PostgreSQL: a batch is claimed in a short
 * transaction that locks the due rows with {@code FOR UPDATE SKIP LOCKED} (other dispatchers take
 * other rows instead of waiting), counts the attempt and moves {@code next_attempt_at} a lease ahead,
 * so that no other dispatcher takes the message while it is being sent, without holding a database
 * transaction open during SMTP. A node that dies while sending leaves its messages PENDING; they are
 * sent again when the lease runs out (at least once, never lost).
 */
@Component
public class NotificationDispatcher {

  private static final Logger LOG = LoggerFactory.getLogger(NotificationDispatcher.class);
  /** Batches per run at most, so that one run over a large backlog still ends. */
  private static final int MAX_BATCHES_PER_RUN = 20;
  private static final int MAX_ERROR_LENGTH = 500;

  private final NotificationRepository repository;
  private final EmailSender email;
  private final SmsDelivery sms;
  private final NotifyProperties.Dispatch settings;
  private final Backoff backoff;
  private final TransactionTemplate claimTransaction;
  private final Clock clock;

  @Autowired
  NotificationDispatcher(NotificationRepository repository, EmailSender email, SmsDelivery sms,
      NotifyProperties properties, PlatformTransactionManager transactions) {
    this(repository, email, sms, properties, transactions, Clock.systemUTC());
  }

  NotificationDispatcher(NotificationRepository repository, EmailSender email, SmsDelivery sms,
      NotifyProperties properties, PlatformTransactionManager transactions, Clock clock) {
    this.repository = repository;
    this.email = email;
    this.sms = sms;
    this.settings = properties.dispatch();
    this.backoff = Backoff.of(properties.retry());
    this.claimTransaction = new TransactionTemplate(transactions);
    // Claims commit at once, even when an operator calls this from inside a transaction.
    this.claimTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    this.clock = clock;
  }

  /**
   * Sends every message that is due now (in batches of {@code danvan.notify.dispatch.batch-size}).
   * Called by the schedule; tests and operators may call it directly, also on several nodes at once.
   *
   * @return how many messages were sent
   */
  public int dispatchDue() {
    int sent = 0;
    for (int batch = 0; batch < MAX_BATCHES_PER_RUN; batch++) {
      List<QueuedNotification> claimed = claimBatch();
      for (QueuedNotification notification : claimed) {
        if (deliver(notification)) {
          sent++;
        }
      }
      if (claimed.size() < settings.batchSize()) {
        break;
      }
    }
    return sent;
  }

  private List<QueuedNotification> claimBatch() {
    Instant now = now();
    Instant leaseUntil = now.plus(settings.lease());
    return claimTransaction.execute(status -> {
      List<QueuedNotification> claimed = new ArrayList<>();
      for (QueuedNotification due : repository.lockDue(now, settings.batchSize())) {
        if (repository.claim(due.id(), now, leaseUntil)) {
          claimed.add(due);
        }
      }
      return claimed;
    });
  }

  /** Sends one claimed message and records the outcome; true if it was sent. */
  private boolean deliver(QueuedNotification n) {
    int attempt = n.attempts() + 1;
    try {
      switch (n.channel()) {
        case EMAIL -> email.send(n.id(), n.recipient(), n.subject(), n.body());
        case SMS -> sms.send(n.recipient(), n.body());
      }
    } catch (PermanentDeliveryException e) {
      String error = describe(e, n.recipient());
      repository.markFailed(n.id(), error);
      LOG.warn("Notification {} {} {} for case {} failed and is not retried: {}", n.id(), n.kind(), n.channel(),
          n.caseRef(), error);
      return false;
    } catch (RuntimeException e) {
      // Only the redacted description, never the exception itself: servers echo addresses in their errors.
      String error = describe(e, n.recipient());
      if (backoff.exhausted(attempt)) {
        repository.markFailed(n.id(), error);
        LOG.warn("Notification {} {} {} for case {} failed after {} attempts, given up: {}", n.id(), n.kind(),
            n.channel(), n.caseRef(), attempt, error);
      } else {
        Instant next = now().plus(backoff.delayAfter(attempt));
        repository.retryLater(n.id(), next, error);
        LOG.warn("Notification {} {} {} for case {}: attempt {} failed, next attempt at {}: {}", n.id(), n.kind(),
            n.channel(), n.caseRef(), attempt, next, error);
      }
      return false;
    }
    repository.markSent(n.id(), now());
    LOG.info("Sent notification {} {} {} for case {} (attempt {})", n.id(), n.kind(), n.channel(), n.caseRef(), attempt);
    return true;
  }

  private Instant now() {
    return Instant.now(clock).truncatedTo(ChronoUnit.MILLIS);
  }

  /**
   * The exception and its root cause as "Type: message", without personal data, at most 500
   * characters: what {@code last_error} and the log get.
   */
  static String describe(Throwable e, String recipient) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    String text = e.getClass().getSimpleName() + ": " + e.getMessage();
    if (root != e) {
      text += " (caused by " + root.getClass().getSimpleName() + ": " + root.getMessage() + ")";
    }
    text = PersonalData.redact(text.replaceAll("\\s+", " "), recipient);
    return text.length() <= MAX_ERROR_LENGTH ? text : text.substring(0, MAX_ERROR_LENGTH - 1) + "…";
  }
}
