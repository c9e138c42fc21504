package vn.danvan.dossier;

import java.util.Date;
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

  static java.time.Instant instant(VariableScope scope, String name) {
    Object value = scope.getVariable(name);
    if (value == null) {
      return null;
    }
    if (value instanceof Date date) {
      return date.toInstant();
    }
    String text = value.toString().trim();
    // form-js date-time fields send "2026-11-24T17:00" (local, no zone) or an ISO instant
    return text.length() == 16 || text.length() == 19
        ? java.time.LocalDateTime.parse(text).atZone(vn.danvan.calendar.VietnamTime.ZONE).toInstant()
        : java.time.OffsetDateTime.parse(text).toInstant();
  }
}
