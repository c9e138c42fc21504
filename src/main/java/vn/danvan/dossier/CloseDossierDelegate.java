package vn.danvan.dossier;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** "Đóng hồ sơ không bổ sung": the supplement period ran out. */
@Component
class CloseDossierDelegate implements JavaDelegate {

  private final DossierService dossiers;

  CloseDossierDelegate(DossierService dossiers) {
    this.dossiers = dossiers;
  }

  @Override
  public void execute(DelegateExecution execution) {
    dossiers.closeWithoutSupplement(Variables.required(execution, DossierProcess.VAR_DOSSIER_CODE));
  }
}
