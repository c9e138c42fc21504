package vn.danvan.dossier;

import static vn.danvan.dossier.DossierProcess.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** "Lập phiếu từ chối giải quyết" (Form 03): not eligible or not competent, with the reasons. */
@Component
class RefuseDossierDelegate implements JavaDelegate {

  private final DossierService dossiers;
  private final DossierNotifications notifications;
  private final DossierDocuments documents;

  RefuseDossierDelegate(DossierService dossiers, DossierDocuments documents, DossierNotifications notifications) {
    this.dossiers = dossiers;
    this.documents = documents;
    this.notifications = notifications;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String code = Variables.required(execution, VAR_DOSSIER_CODE);
    String reasons = Variables.submitted(execution, VAR_REFUSAL_REASONS);
    String actor = execution.getVariable(VAR_APPROVED_BY) != null
        ? Variables.text(execution, VAR_APPROVED_BY) : Variables.text(execution, VAR_RECEIVING_OFFICER);
    dossiers.refuse(code, reasons, actor);
    execution.setVariable("refusalDocumentId", documents.refusal(execution, dossiers.find(code).orElseThrow(),
        dossiers.procedure(code, false), reasons));
    notifications.refusal(execution, reasons);
  }
}
