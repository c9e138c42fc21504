package vn.danvan.dossier;

import java.time.Instant;
import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;
import vn.danvan.deployment.ModellingBean;
import vn.danvan.procedure.Procedure;
import vn.danvan.procedure.WorkingTime;
import vn.danvan.sla.StepClock;

/**
 * Due dates of the steps of {@code dossierApproval}, for task due dates and the non-interrupting
 * "step overdue" timers: {@code ${dossierSteps.due(execution, 'APPRAISE')}}. The budget of each
 * step comes from the procedure catalogue; no step is due after the appointment.
 */
@ModellingBean
@Component("dossierSteps")
public class DossierSteps {

  private final DossierService dossiers;
  private final StepClock clock;

  DossierSteps(DossierService dossiers, StepClock clock) {
    this.dossiers = dossiers;
    this.clock = clock;
  }

  public Date due(DelegateExecution execution, String step) {
    String code = (String) execution.getVariable(DossierProcess.VAR_DOSSIER_CODE);
    Procedure procedure = dossiers.procedure(code, Variables.flag(execution, DossierProcess.VAR_VERIFICATION_NEEDED));
    WorkingTime budget = switch (step) {
      case "APPRAISE" -> procedure.appraiseBudget();
      case "APPROVE" -> procedure.approveBudget();
      case "SIGN" -> procedure.signBudget();
      default -> throw new IllegalArgumentException("Unknown step " + step);
    };
    Date appointment = (Date) execution.getVariable(DossierProcess.VAR_APPOINTMENT_AT);
    Instant due = clock.stepDue(ClockNow.get(), budget, appointment == null ? null : appointment.toInstant());
    return Date.from(due);
  }
}
