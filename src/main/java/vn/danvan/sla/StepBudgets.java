package vn.danvan.sla;

import org.camunda.bpm.engine.delegate.VariableScope;
import vn.danvan.procedure.WorkingTime;

/**
 * A process's source of step budgets, for {@code ${caseClock.stepDue(execution, 'STEP')}}: a
 * Spring bean per process definition key, reading the budget from the rule of the case (e.g. the
 * one-stop catalogue row of the day of acceptance).
 */
public interface StepBudgets {

  /** The process definition key this source serves. */
  String processKey();

  /**
   * The budget of {@code step} for the case {@code caseKey}.
   *
   * @throws IllegalArgumentException for a step the process does not know
   */
  WorkingTime budget(String caseKey, String step, VariableScope variables);
}
