package vn.danvan.config;

/**
 * A request our API refuses with 400: which parameter or field is wrong and why. Thrown by any
 * controller; {@link ApiExceptionHandler} turns it into an {@link ApiError}.
 */
public class BadRequestException extends RuntimeException {

  private final String field;

  public BadRequestException(String field, String message) {
    super(message);
    this.field = field;
  }

  /** The request parameter or body field at fault, or null if the request as a whole is wrong. */
  public String field() {
    return field;
  }
}
