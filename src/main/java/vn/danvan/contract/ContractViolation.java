package vn.danvan.contract;

import java.util.LinkedHashMap;
import java.util.Map;
import org.camunda.bpm.engine.BadUserRequestException;

/**
 * A submitted variable that the form or start contract does not allow: the field at fault and why.
 * A {@link BadUserRequestException}, so that the engine rolls back whatever the command began and
 * the REST layers answer 400; the answer names {@link #field()}.
 */
public class ContractViolation extends BadUserRequestException {

  private final String field;

  public ContractViolation(String field, String message) {
    super(message);
    this.field = field;
  }

  /** The variable (form field) at fault, or null if the request as a whole is refused. */
  public String field() {
    return field;
  }

  /** The JSON answer of Camunda's REST mounts: Camunda's {@code type} and {@code message}, plus {@code field}. */
  public Map<String, String> answer() {
    Map<String, String> body = new LinkedHashMap<>();
    body.put("type", ContractViolation.class.getSimpleName());
    body.put("message", getMessage());
    if (field != null) {
      body.put("field", field);
    }
    return body;
  }

  /** The first violation in a cause chain, or null: engine and REST layers wrap what a listener throws. */
  public static ContractViolation in(Throwable exception) {
    for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
      if (cause instanceof ContractViolation violation) {
        return violation;
      }
    }
    return null;
  }
}
