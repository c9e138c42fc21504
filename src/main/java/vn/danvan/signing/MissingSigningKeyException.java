package vn.danvan.signing;

/**
 * No keystore for the unit or user that should sign. An operator must install it (and restart);
 * a BPMN step turns this into an incident rather than retrying.
 */
public class MissingSigningKeyException extends RuntimeException {

  private final String keyName;

  public MissingSigningKeyException(String keyName, String message) {
    super(message);
    this.keyName = keyName;
  }

  /** The unit code or user id whose keystore is missing. */
  public String keyName() {
    return keyName;
  }
}
