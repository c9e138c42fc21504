package vn.danvan.dossier;

import static vn.danvan.dossier.DossierProcess.*;

import java.time.Instant;
import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** "Lập phiếu yêu cầu bổ sung" (Form 02): one request listing everything missing; the clock stops. */
@Component
class RequestSupplementDelegate implements JavaDelegate {

  private final DossierService dossiers;
  private final DossierNotifications notifications;
  private final DossierDocuments documents;

  RequestSupplementDelegate(DossierService dossiers, DossierDocuments documents, DossierNotifications notifications) {
    this.dossiers = dossiers;
    this.documents = documents;
    this.notifications = notifications;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String code = Variables.required(execution, VAR_DOSSIER_CODE);
    String missing = Variables.submitted(execution, VAR_MISSING_ITEMS);
    String officer = Variables.text(execution, VAR_RECEIVING_OFFICER);
    Instant due = dossiers.requestSupplement(code, missing, officer);
    execution.setVariable(VAR_SUPPLEMENT_DUE_AT, Date.from(due));
    execution.setVariable(VAR_SUPPLEMENT_DUE_TEXT, DossierDocuments.dateTime(due));
    execution.setVariable("supplementDocumentId", documents.supplementRequest(execution,
        dossiers.find(code).orElseThrow(), dossiers.procedure(code, false), officer, due));
    // the appointment no longer holds: the clock restarts from zero once the dossier is complete
    execution.removeVariable(VAR_APPOINTMENT_AT);
    execution.removeVariable(VAR_APPOINTMENT_TEXT);
    notifications.supplementRequest(execution, missing, due);
  }
}
