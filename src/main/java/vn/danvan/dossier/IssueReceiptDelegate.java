package vn.danvan.dossier;

import static vn.danvan.dossier.DossierProcess.*;

import java.time.Instant;
import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import vn.danvan.procedure.Procedure;

/**
 * "Lập giấy tiếp nhận và hẹn trả" (Form 01): the dossier is complete, the statutory clock starts —
 * from zero again after a supplement — and the receipt states the appointment.
 */
@Component
class IssueReceiptDelegate implements JavaDelegate {

  private final DossierService dossiers;
  private final DossierNotifications notifications;
  private final DossierDocuments documents;

  IssueReceiptDelegate(DossierService dossiers, DossierDocuments documents, DossierNotifications notifications) {
    this.dossiers = dossiers;
    this.documents = documents;
    this.notifications = notifications;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String code = Variables.required(execution, VAR_DOSSIER_CODE);
    String officer = Variables.text(execution, VAR_RECEIVING_OFFICER);
    DossierService.Receipt receipt = dossiers.issueReceipt(code, Variables.flag(execution, VAR_VERIFICATION_NEEDED), officer);
    Instant appointment = receipt.appointment();
    Procedure procedure = receipt.procedure();
    execution.setVariable(VAR_APPOINTMENT_AT, Date.from(appointment));
    execution.setVariable(VAR_APPOINTMENT_TEXT, DossierDocuments.dateTime(appointment));
    execution.setVariable(VAR_APOLOGY_DUE_AT, Date.from(dossiers.apologyDue(receipt)));
    execution.setVariable(VAR_HAS_COURTESY_LETTER, procedure.courtesyLetter().isPresent());
    execution.setVariable("receiptDocumentId",
        documents.receipt(execution, receipt));
    notifications.receipt(execution, procedure.name(), appointment);
  }
}
