package vn.danvan.notify;

import java.time.Instant;

/**
 * A row of the outbox ({@code dv_notification}): the rendered message and its delivery state.
 * {@link #toString()} leaves out the recipient and the text (personal data).
 *
 * @param attempts how many sends were started (a claimed message counts before it is sent)
 * @param nextAttemptAt when a PENDING message is due (again)
 * @param lastError why the last attempt failed, without personal data; null after success
 */
public record QueuedNotification(String id, Instant createdAt, Channel channel, String recipient,
    NotificationKind kind, String subject, String body, String caseRef, String unit, NotificationState state,
    int attempts, Instant nextAttemptAt, String lastError, Instant sentAt) {

  @Override
  public String toString() {
    return "QueuedNotification[" + id + " " + channel + " " + kind + " case " + caseRef + " " + state + " attempts "
        + attempts + "]";
  }
}
