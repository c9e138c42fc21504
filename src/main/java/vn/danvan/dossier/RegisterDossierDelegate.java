package vn.danvan.dossier;

import static vn.danvan.dossier.DossierProcess.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import vn.danvan.identity.UnitOfficials;

/**
 * "Vào sổ hồ sơ": gives the dossier its code (also the business key) and its register entry, and
 * records who heads the unit ({@code chairmanUserId}: late dossiers go to them, they sign courtesy letters).
 */
@Component
class RegisterDossierDelegate implements JavaDelegate {

  private final DossierService dossiers;
  private final UnitOfficials officials;

  RegisterDossierDelegate(DossierService dossiers, UnitOfficials officials) {
    this.dossiers = dossiers;
    this.officials = officials;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String code = dossiers.register(execution.getTenantId(), Variables.text(execution, VAR_PROCEDURE_CODE),
        Variables.text(execution, VAR_CHANNEL), Variables.text(execution, VAR_PHONE),
        execution.getProcessInstanceId(), Variables.text(execution, VAR_RECEIVING_OFFICER));
    execution.setVariable(VAR_DOSSIER_CODE, code);
    execution.setProcessBusinessKey(code);
    execution.setVariable(VAR_CHAIRMAN, officials.head(execution.getTenantId()).orElse(null));
    execution.setVariable(VAR_APOLOGY_ISSUED, false);
  }
}
