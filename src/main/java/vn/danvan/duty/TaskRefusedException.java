package vn.danvan.duty;

import org.camunda.bpm.engine.BadUserRequestException;

/**
 * A change of a task that the task guard refuses: the message starts with the request field at
 * fault ({@code userId}, {@code groupId}) and the REST API answers 400; nothing is written.
 */
public class TaskRefusedException extends BadUserRequestException {

  private final String field;

  TaskRefusedException(String field, String message) {
    super(field + ": " + message);
    this.field = field;
  }

  public String field() {
    return field;
  }

  /** The refusal inside an engine exception (task listeners wrap what they throw), or the exception itself. */
  static RuntimeException unwrap(RuntimeException exception) {
    for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
      if (cause instanceof TaskRefusedException refused) {
        return refused;
      }
    }
    return exception;
  }
}
