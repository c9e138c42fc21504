package vn.danvan.dossier;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** "Ghi nhận hồ sơ trễ hẹn": the appointment passed without a result; the chairman is asked to direct. */
@Component
class RecordLateDossierDelegate implements JavaDelegate {

  private final DossierService dossiers;

  RecordLateDossierDelegate(DossierService dossiers) {
    this.dossiers = dossiers;
  }

  @Override
  public void execute(DelegateExecution execution) {
    dossiers.appointmentPassed(Variables.required(execution, DossierProcess.VAR_DOSSIER_CODE));
  }
}
