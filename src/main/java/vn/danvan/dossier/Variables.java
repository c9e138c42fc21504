package vn.danvan.dossier;

import org.camunda.bpm.engine.delegate.VariableScope;
import vn.danvan.contract.ContractViolation;

/** Typed reading of the dossier's process variables, tolerant of what forms and the API send. */
final class Variables {

  private Variables() {}

  static String text(VariableScope scope, String name) {
    Object value = scope.getVariable(name);
    return value == null ? null : value.toString();
  }

  static String required(VariableScope scope, String name) {
    String value = text(scope, name);
    if (value == null || value.isBlank()) {
      throw new IllegalStateException("Variable '" + name + "' is required");
    }
    return value;
  }

  /**
   * A value the official must have entered in the task's form (the reasons of a refusal, the
   * missing items): a missing one is the submitter's error, so it is a {@link ContractViolation}
   * naming the field — the engine rolls the completion back and both REST layers answer 400, the
   * task stays open. The forms mark these fields required where they are shown; this is the same
   * rule for a client that does not use the form.
   */
  static String submitted(VariableScope scope, String name) {
    String value = text(scope, name);
    if (value == null || value.isBlank()) {
      throw new ContractViolation(name, name + ": required for this decision");
    }
    return value;
  }

  static boolean flag(VariableScope scope, String name) {
    Object value = scope.getVariable(name);
    return value instanceof Boolean b ? b : value != null && Boolean.parseBoolean(value.toString());
  }

  static Integer integer(VariableScope scope, String name) {
    Object value = scope.getVariable(name);
    if (value == null || value.toString().isBlank()) {
      return null;
    }
    return value instanceof Number n ? n.intValue() : Integer.valueOf(value.toString().trim());
  }

  /** A moment from a Date, a java.time value or an ISO string (a form-js date-time is Vietnam time). */
  static java.time.Instant instant(VariableScope scope, String name) {
    Object value = scope.getVariable(name);
    return value == null ? null : vn.danvan.calendar.VietnamTime.instant(value);
  }
}
