package vn.danvan.dossier;

import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.springframework.stereotype.Component;
import vn.danvan.deployment.ModellingBean;
import vn.danvan.procedure.Procedure;
import vn.danvan.procedure.WorkingTime;
import vn.danvan.sla.CaseClock;
import vn.danvan.sla.StepBudgets;

/**
 * The step budgets of {@code dossierApproval} for the case clock, from the procedure catalogue row of
 * the dossier's day of acceptance. {@code ${dossierSteps.due(execution, 'APPRAISE')}} in the
 * diagram is the same as the shared {@code ${caseClock.stepDue(execution, 'APPRAISE')}}: office
 * time from now, never after the dossier's deadline.
 */
@ModellingBean
@Component("dossierSteps")
public class DossierSteps implements StepBudgets {

  private final DossierService dossiers;
  private final CaseClock clock;

  DossierSteps(DossierService dossiers, CaseClock clock) {
    this.dossiers = dossiers;
    this.clock = clock;
  }

  public Date due(DelegateExecution execution, String step) {
    String code = (String) execution.getVariable(DossierProcess.VAR_DOSSIER_CODE);
    return Date.from(clock.stepDue(code, budget(code, step, execution)));
  }

  @Override
  public String processKey() {
    return DossierProcess.KEY;
  }

  @Override
  public WorkingTime budget(String caseKey, String step, VariableScope variables) {
    Procedure procedure = dossiers.procedure(caseKey, Variables.flag(variables, DossierProcess.VAR_VERIFICATION_NEEDED));
    return switch (step) {
      case "APPRAISE" -> procedure.appraiseBudget();
      case "APPROVE" -> procedure.approveBudget();
      case "SIGN" -> procedure.signBudget();
      default -> throw new IllegalArgumentException("Unknown step " + step);
    };
  }
}
