package vn.danvan.dossier;

import static vn.danvan.dossier.DossierProcess.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** "Vào sổ hồ sơ": gives the dossier its code (also the business key) and its register entry. */
@Component
class RegisterDossierDelegate implements JavaDelegate {

  private final DossierService dossiers;

  RegisterDossierDelegate(DossierService dossiers) {
    this.dossiers = dossiers;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String code = dossiers.register(execution.getTenantId(), Variables.text(execution, VAR_PROCEDURE_CODE),
        Variables.text(execution, VAR_CHANNEL), Variables.text(execution, VAR_PHONE),
        execution.getProcessInstanceId(), Variables.text(execution, VAR_RECEIVING_OFFICER));
    execution.setVariable(VAR_DOSSIER_CODE, code);
    execution.setProcessBusinessKey(code);
    execution.setVariable(VAR_CHAIRMAN, dossiers.chairman(execution.getTenantId()).orElse(null));
    execution.setVariable(VAR_APOLOGY_ISSUED, false);
  }
}
