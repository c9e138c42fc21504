package vn.danvan.sla;

import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;
import vn.danvan.deployment.ModellingBean;

/**
 * Step due dates for any process on the case clock, for task due dates and "step overdue" timers:
 * {@code ${caseClock.stepDue(execution, 'APPRAISE')}}. The case is the process instance's business
 * key; the budget comes from the {@link StepBudgets} bean of the case's process; no step is due after
 * the case's deadline. The only method a diagram can call here: the clock's changes are not
 * reachable from expressions.
 */
@ModellingBean
@Component("caseClock")
public class CaseSteps {

  private final CaseClock clock;
  private final Map<String, StepBudgets> budgets;

  CaseSteps(CaseClock clock, List<StepBudgets> budgets) {
    this.clock = clock;
    this.budgets = budgets.stream().collect(Collectors.toMap(StepBudgets::processKey, Function.identity()));
  }

  public Date stepDue(DelegateExecution execution, String step) {
    String caseKey = execution.getProcessBusinessKey();
    CaseClockState state = clock.find(caseKey)
        .orElseThrow(() -> new IllegalStateException("Case " + caseKey + " has no clock"));
    StepBudgets source = budgets.get(state.ref().processKey());
    if (source == null) {
      throw new IllegalStateException("No step budgets for process " + state.ref().processKey());
    }
    return Date.from(clock.stepDue(state, source.budget(caseKey, step, execution)));
  }
}
