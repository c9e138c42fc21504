package vn.danvan.signing;

/** Startup stops with this when the signing keys or trust anchors are missing or unreadable. */
public class SigningConfigurationException extends RuntimeException {

  public SigningConfigurationException(String message) {
    super(message);
  }

  public SigningConfigurationException(String message, Throwable cause) {
    super(message, cause);
  }
}
