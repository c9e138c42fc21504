package vn.danvan.escalation;

import static vn.danvan.escalation.EscalationLadder.*;

import java.time.Instant;
import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import vn.danvan.calendar.VietnamTime;

/**
 * Typed access to the variables of an {@code escalationLadder} instance: what its delegates read and
 * write, by the names of {@link EscalationLadder}. Dates are {@link Date} for timers and due dates,
 * and also stored as Vietnamese text for the form (a Date shows as UTC there).
 */
final class LadderVariables {

  private LadderVariables() {}

  static String text(DelegateExecution execution, String name) {
    Object value = execution.getVariable(name);
    return value == null ? null : value.toString();
  }

  static Instant instant(DelegateExecution execution, String name) {
    Object value = execution.getVariable(name);
    return value == null ? null : VietnamTime.instant(value);
  }

  /** The planned ladder (after {@link EscalationLadder#TASK_PLAN}). */
  static EscalationService.Ladder ladder(DelegateExecution execution) {
    return new EscalationService.Ladder(text(execution, IN_CASE_KEY), text(execution, VAR_CASE_PROCESS_KEY),
        execution.getTenantId(), text(execution, VAR_CASE_INSTANCE), text(execution, IN_STEP_ID),
        text(execution, VAR_STEP_NAME), instant(execution, IN_STEP_DUE_AT), LadderSpec.parse(text(execution, IN_LADDER)));
  }

  static void planned(DelegateExecution execution, EscalationService.Ladder ladder) {
    execution.setVariable(VAR_CASE_INSTANCE, ladder.caseInstanceId());
    execution.setVariable(VAR_CASE_PROCESS_KEY, ladder.caseProcessKey());
    execution.setVariable(VAR_STEP_NAME, ladder.stepName());
    execution.setVariable(VAR_OVERDUE_SINCE_TEXT, VietnamTime.text(ladder.stepDueAt()));
    execution.setVariable(VAR_RUNG_INDEX, -1);
  }

  static int rungIndex(DelegateExecution execution) {
    Object value = execution.getVariable(VAR_RUNG_INDEX);
    return value instanceof Number n ? n.intValue() : -1;
  }

  static void opened(DelegateExecution execution, EscalationService.Opening opening) {
    execution.setVariable(VAR_NEXT, opening.next());
    execution.setVariable(VAR_RUNG_INDEX, opening.index());
    if (opening.rung() != null) {
      execution.setVariable(VAR_RUNG_OFFICIAL, opening.asked().userId());
      execution.setVariable(VAR_RUNG_TEXT, opening.rung().label() + ": " + opening.asked().text());
      execution.setVariable(VAR_RUNG_DUE_AT, Date.from(opening.dueAt()));
      execution.setVariable(VAR_RUNG_DUE_TEXT, VietnamTime.text(opening.dueAt()));
    }
  }
}
