package vn.danvan.signing;

/** Signing failed for a technical reason (a key the provider refuses, an I/O error): worth a retry or a look in the log. */
public class SigningException extends RuntimeException {

  public SigningException(String message, Throwable cause) {
    super(message, cause);
  }
}
