package vn.danvan.config;

/**
 * A well-formed request our API cannot act on (422), e.g. an uploaded PDF that carries no
 * signature to verify. {@link ApiExceptionHandler} turns it into an {@link ApiError}.
 */
public class UnprocessableException extends RuntimeException {

  private final String field;

  public UnprocessableException(String field, String message) {
    super(message);
    this.field = field;
  }

  /** The request parameter or body field at fault, or null if the request as a whole is. */
  public String field() {
    return field;
  }
}
