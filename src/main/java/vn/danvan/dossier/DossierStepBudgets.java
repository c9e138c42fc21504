package vn.danvan.dossier;

import static vn.danvan.dossier.DossierProcess.*;

import org.camunda.bpm.engine.delegate.VariableScope;
import org.springframework.stereotype.Component;
import vn.danvan.procedure.Procedure;
import vn.danvan.procedure.WorkingTime;
import vn.danvan.sla.StepBudgets;

/**
 * The step budgets of {@code dossierApproval} for the shared case clock: the diagram asks
 * {@code ${caseClock.stepDue(execution, 'APPRAISE')}} and the clock takes the budget from here — the
 * procedure catalogue row of the dossier's day of acceptance — then counts it in office time from
 * now, never past the dossier's deadline.
 */
@Component
class DossierStepBudgets implements StepBudgets {

  private final DossierService dossiers;

  DossierStepBudgets(DossierService dossiers) {
    this.dossiers = dossiers;
  }

  @Override
  public String processKey() {
    return KEY;
  }

  @Override
  public WorkingTime budget(String caseKey, String step, VariableScope variables) {
    Procedure procedure = dossiers.procedure(caseKey,
        DossierVariables.flag(variables.getVariable(VAR_VERIFICATION_NEEDED)));
    return switch (step) {
      case STEP_APPRAISE -> procedure.appraiseBudget();
      case STEP_APPROVE -> procedure.approveBudget();
      case STEP_SIGN -> procedure.signBudget();
      default -> throw new IllegalArgumentException("Unknown step of " + KEY + ": " + step);
    };
  }
}
