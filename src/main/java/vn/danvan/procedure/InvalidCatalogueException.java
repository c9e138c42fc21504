package vn.danvan.procedure;

/** The deployed procedure catalogue holds a row that cannot be used; the message names the row and output. */
public class InvalidCatalogueException extends RuntimeException {

  public InvalidCatalogueException(String message) {
    super(message);
  }

  public InvalidCatalogueException(String message, Throwable cause) {
    super(message, cause);
  }
}
