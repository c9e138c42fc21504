package vn.danvan.dossier;

import org.camunda.bpm.engine.delegate.VariableScope;

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
