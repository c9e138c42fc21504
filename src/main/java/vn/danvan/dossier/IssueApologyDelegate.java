package vn.danvan.dossier;

import static vn.danvan.dossier.DossierProcess.*;

import java.time.Instant;
import java.util.Date;
import org.camunda.bpm.engine.delegate.BpmnError;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * "Phát hành thư xin lỗi" (Form 04): moves the appointment once, with the leader's reason, and
 * issues the letter. The appointment timer that follows reads the new appointment.
 */
@Component
class IssueApologyDelegate implements JavaDelegate {

  private final DossierService dossiers;
  private final DossierNotifications notifications;
  private final DossierDocuments documents;

  IssueApologyDelegate(DossierService dossiers, DossierDocuments documents, DossierNotifications notifications) {
    this.dossiers = dossiers;
    this.documents = documents;
    this.notifications = notifications;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String code = Variables.required(execution, VAR_DOSSIER_CODE);
    String reason = Variables.required(execution, VAR_APOLOGY_REASON);
    Instant newAppointment = Variables.instant(execution, VAR_NEW_APPOINTMENT);
    String leader = Variables.text(execution, "apologyIssuedBy");
    Dossier before = dossiers.find(code).orElseThrow();
    dossiers.issueApology(code, reason, newAppointment, leader);
    execution.setVariable("apologyDocumentId", documents.apology(execution, before,
        dossiers.procedure(code, Variables.flag(execution, VAR_VERIFICATION_NEEDED)), reason, newAppointment,
        leader == null ? Variables.text(execution, VAR_CHAIRMAN) : leader));
    execution.setVariable(VAR_APPOINTMENT_AT, Date.from(newAppointment));
    execution.setVariable(VAR_APPOINTMENT_TEXT, DossierDocuments.dateTime(newAppointment));
    execution.setVariable(VAR_APOLOGY_ISSUED, true);
    notifications.apology(execution, reason, newAppointment);
  }
}
