package vn.danvan.dossier;

import static vn.danvan.dossier.DossierProcess.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import vn.danvan.notify.NotificationKind;

/** "Lập thông báo dừng giải quyết" (Form 05): the citizen withdrew the dossier. */
@Component
class StopDossierDelegate implements JavaDelegate {

  private final DossierService dossiers;
  private final DossierNotifications notifications;
  private final DossierDocuments documents;

  StopDossierDelegate(DossierService dossiers, DossierDocuments documents, DossierNotifications notifications) {
    this.dossiers = dossiers;
    this.documents = documents;
    this.notifications = notifications;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String code = Variables.required(execution, VAR_DOSSIER_CODE);
    String reason = Variables.text(execution, VAR_WITHDRAWAL_REASON);
    reason = reason == null || reason.isBlank() ? "Theo đề nghị của người nộp hồ sơ" : reason;
    dossiers.withdraw(code, reason, Variables.text(execution, VAR_WITHDRAWAL_RECORDED_BY));
    execution.setVariable("stopDocumentId", documents.stopNotice(execution, dossiers.find(code).orElseThrow(),
        dossiers.procedure(code, false), reason));
    notifications.simple(execution, NotificationKind.WITHDRAWN);
  }
}
