package vn.danvan.notify;

/** Where a row of the outbox ({@code dv_notification}) stands. */
public enum NotificationState {
  /** Waiting for its (next) attempt at {@code next_attempt_at}. */
  PENDING,
  /** Handed over to the SMTP server or the SMS gateway. */
  SENT,
  /** Given up: out of attempts, or a failure that no retry can fix (see {@code last_error}). */
  FAILED
}
