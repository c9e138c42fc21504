package vn.danvan.dossier;

import static vn.danvan.dossier.DossierProcess.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import vn.danvan.procedure.Procedure;

/** "Lập kết quả giải quyết": the result document and, for births, marriages and deaths, the chairman's letter. */
@Component
class PrepareResultDelegate implements JavaDelegate {

  private final DossierService dossiers;
  private final DossierDocuments documents;

  PrepareResultDelegate(DossierService dossiers, DossierDocuments documents) {
    this.dossiers = dossiers;
    this.documents = documents;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String code = Variables.required(execution, VAR_DOSSIER_CODE);
    Dossier dossier = dossiers.find(code).orElseThrow();
    Procedure procedure = dossiers.procedure(code, Variables.flag(execution, VAR_VERIFICATION_NEEDED));
    String leader = Variables.required(execution, VAR_APPROVED_BY);
    execution.setVariable(VAR_RESULT_DOCUMENT, documents.result(execution, dossier, procedure, leader));
    if (procedure.courtesyLetter().isPresent()) {
      String chairman = Variables.text(execution, VAR_CHAIRMAN);
      if (chairman == null) {
        // no chairman configured for the unit: the approving leader signs the letter
        execution.setVariable(VAR_CHAIRMAN, leader);
        chairman = leader;
      }
      execution.setVariable(VAR_COURTESY_DOCUMENT, documents.courtesyLetter(execution, dossier, procedure, chairman));
    }
  }
}
