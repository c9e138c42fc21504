package vn.danvan.notify;

/**
 * A send that no retry can make succeed (no SMTP server configured, an address the server cannot
 * parse, a number the SMS gateway rejects for good): the message becomes FAILED at once. Any other
 * exception from a sender is taken as temporary and the message is retried with backoff.
 *
 * <p>The message is stored as {@code last_error} (after redaction): describe the problem, not the
 * recipient.
 */
public class PermanentDeliveryException extends RuntimeException {

  public PermanentDeliveryException(String message) {
    super(message);
  }

  public PermanentDeliveryException(String message, Throwable cause) {
    super(message, cause);
  }
}
