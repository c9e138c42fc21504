package vn.danvan.signing;

/** The bytes given to sign or verify are not a PDF that can be read (corrupt, truncated, encrypted, not a PDF). */
public class InvalidPdfException extends RuntimeException {

  public InvalidPdfException(String message, Throwable cause) {
    super(message, cause);
  }
}
