package vn.danvan.sla;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.junit.jupiter.api.Test;
import vn.danvan.procedure.WorkingTime;

/** {@code ${caseClock.stepDue(execution, 'STEP')}}: the case from the business key, the budget from its process's source. */
class CaseStepsTest {

  static final Instant DEADLINE = Instant.parse("2026-11-25T10:00:00Z");

  final CaseClock clock = mock(CaseClock.class);
  final DelegateExecution execution = mock(DelegateExecution.class);

  @Test
  void theBudgetComesFromTheCasesProcess() {
    when(execution.getProcessBusinessKey()).thenReturn("KN-1");
    CaseClockState complaint = state("complaint");
    when(clock.find("KN-1")).thenReturn(Optional.of(complaint));
    WorkingTime verify = new WorkingTime(3, WorkingTime.Unit.WORKING_DAYS);
    when(clock.stepDue(complaint, verify)).thenReturn(DEADLINE);
    CaseSteps steps = new CaseSteps(clock, List.of(budgets("dossierApproval", new WorkingTime(1, WorkingTime.Unit.WORKING_HOURS)),
        budgets("complaint", verify)));
    assertThat(steps.stepDue(execution, "VERIFY")).isEqualTo(Date.from(DEADLINE));
  }

  @Test
  void aCaseWithoutClockOrWithoutBudgetsIsAnError() {
    when(execution.getProcessBusinessKey()).thenReturn("KN-2");
    when(clock.find("KN-2")).thenReturn(Optional.empty());
    CaseSteps steps = new CaseSteps(clock, List.of());
    assertThatThrownBy(() -> steps.stepDue(execution, "VERIFY")).hasMessageContaining("no clock");
    when(clock.find("KN-2")).thenReturn(Optional.of(state("denunciation")));
    assertThatThrownBy(() -> steps.stepDue(execution, "VERIFY")).hasMessageContaining("denunciation");
  }

  private static CaseClockState state(String processKey) {
    return new CaseClockState(new CaseRef("KN", processKey, "camlo"),
        new ClockRule("v", new Term(30, TermUnit.CALENDAR_DAYS), ResumeMode.CONTINUE, 1), ClockState.RUNNING, DEADLINE,
        DEADLINE, null, null, 0, 0);
  }

  private static StepBudgets budgets(String processKey, WorkingTime budget) {
    return new StepBudgets() {
      @Override
      public String processKey() {
        return processKey;
      }

      @Override
      public WorkingTime budget(String caseKey, String step, VariableScope variables) {
        return budget;
      }
    };
  }
}
