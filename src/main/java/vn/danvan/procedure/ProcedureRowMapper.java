package vn.danvan.procedure;

import static vn.danvan.procedure.ProcedureDecision.*;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.Set;

/**
 * Turns the outputs of one matched row of {@code procedureCatalogue} into a {@link Procedure},
 * refusing rows a process owner got wrong (unknown level, budgets longer than the deadline) with a
 * message that names the row's code and the output at fault.
 */
final class ProcedureRowMapper {

  static final Set<String> SOURCE_TAGS = Set.of("V", "S", "?");

  /** 4 + 4 hours of the default office hours; step budgets in days and deadlines are compared in hours. */
  static final int HOURS_PER_WORKING_DAY = 8;

  private ProcedureRowMapper() {}

  static Procedure toProcedure(Map<String, Object> row) {
    String code = text(row, OUT_CODE, "?");
    WorkingTime.Unit unit = enumValue(row, code, OUT_BUDGET_UNIT, WorkingTime.Unit.class);
    Deadline deadline;
    try {
      deadline = new Deadline(enumValue(row, code, OUT_DEADLINE_TYPE, DeadlineType.class), number(row, code, OUT_DEADLINE_AMOUNT));
    } catch (IllegalArgumentException e) {
      throw invalid(code, OUT_DEADLINE_AMOUNT, e.getMessage());
    }
    String tag = text(row, OUT_SOURCE_TAG, code);
    if (!SOURCE_TAGS.contains(tag)) {
      throw invalid(code, OUT_SOURCE_TAG, "expected V, S or ?, got '" + tag + "'");
    }
    Procedure procedure = new Procedure(code, text(row, OUT_NAME, code),
        enumValue(row, code, OUT_COMPETENT_LEVEL, CompetentLevel.class), deadline,
        new WorkingTime(number(row, code, OUT_APPRAISE_BUDGET), unit),
        new WorkingTime(number(row, code, OUT_APPROVE_BUDGET), unit),
        new WorkingTime(number(row, code, OUT_SIGN_BUDGET), unit),
        text(row, OUT_RESULT_DOCUMENT_KIND, code), optionalText(row, OUT_COURTESY_LETTER_KIND),
        text(row, OUT_LEGAL_BASIS, code), tag, date(row, code), flag(row, code, OUT_SEPARATE_DUTIES, true));
    int budget = procedure.stepBudgetHours(HOURS_PER_WORKING_DAY);
    int capacity = deadline.workingHours(HOURS_PER_WORKING_DAY);
    if (budget > capacity) {
      throw invalid(code, OUT_BUDGET_UNIT, "the step budgets add up to " + budget
          + " working hours, more than the deadline's " + capacity);
    }
    return procedure;
  }

  private static String text(Map<String, Object> row, String output, String code) {
    String value = optionalText(row, output);
    if (value == null) {
      throw invalid(code, output, "missing");
    }
    return value;
  }

  private static String optionalText(Map<String, Object> row, String output) {
    Object value = row.get(output);
    return value == null || value.toString().isBlank() ? null : value.toString().strip();
  }

  /** An optional boolean output: empty (or a table without the column) gives {@code absent}. */
  private static boolean flag(Map<String, Object> row, String code, String output, boolean absent) {
    Object value = row.get(output);
    if (value == null || value.toString().isBlank()) {
      return absent;
    }
    if (value instanceof Boolean b) {
      return b;
    }
    throw invalid(code, output, "expected true, false or empty, got " + value);
  }

  private static int number(Map<String, Object> row, String code, String output) {
    Object value = row.get(output);
    if (value instanceof Number n && n.doubleValue() == n.intValue()) {
      return n.intValue();
    }
    throw invalid(code, output, "expected a whole number, got " + value);
  }

  private static <E extends Enum<E>> E enumValue(Map<String, Object> row, String code, String output, Class<E> type) {
    String value = text(row, output, code);
    try {
      return Enum.valueOf(type, value);
    } catch (IllegalArgumentException e) {
      throw invalid(code, output, "unknown value '" + value + "'");
    }
  }

  private static LocalDate date(Map<String, Object> row, String code) {
    String value = text(row, OUT_EFFECTIVE_FROM, code);
    try {
      return LocalDate.parse(value);
    } catch (DateTimeParseException e) {
      throw invalid(code, OUT_EFFECTIVE_FROM, "expected a date like 2025-07-01, got '" + value + "'");
    }
  }

  private static InvalidCatalogueException invalid(String code, String output, String problem) {
    return new InvalidCatalogueException("procedureCatalogue row " + code + ", output " + output + ": " + problem);
  }
}
