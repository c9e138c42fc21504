package vn.danvan.dossier;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import vn.danvan.notify.NotificationKind;

/** "Báo kết quả đã có": the signed result is ready; the moment that decides early, on time or late. */
@Component
class MarkResultReadyDelegate implements JavaDelegate {

  private final DossierService dossiers;
  private final DossierNotifications notifications;

  MarkResultReadyDelegate(DossierService dossiers, DossierNotifications notifications) {
    this.dossiers = dossiers;
    this.notifications = notifications;
  }

  @Override
  public void execute(DelegateExecution execution) {
    dossiers.resultReady(Variables.required(execution, DossierProcess.VAR_DOSSIER_CODE));
    notifications.simple(execution, NotificationKind.RESULT_READY);
  }
}
