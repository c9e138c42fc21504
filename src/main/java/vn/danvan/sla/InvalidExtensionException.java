package vn.danvan.sla;

import java.time.Instant;

/** An extension whose new deadline is not after the deadline in force; nothing was changed. */
public class InvalidExtensionException extends IllegalArgumentException {

  private final Instant current;

  public InvalidExtensionException(String caseKey, Instant current) {
    super("Case " + caseKey + ": an extension must end after the deadline in force (" + current + ")");
    this.current = current;
  }

  /** The deadline in force. */
  public Instant current() {
    return current;
  }
}
