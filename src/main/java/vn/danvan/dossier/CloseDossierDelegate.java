package vn.danvan.dossier;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import vn.danvan.notify.NotificationKind;

/** "Đóng hồ sơ không bổ sung": the supplement period ran out. */
@Component
class CloseDossierDelegate implements JavaDelegate {

  private final DossierService dossiers;
  private final DossierNotifications notifications;

  CloseDossierDelegate(DossierService dossiers, DossierNotifications notifications) {
    this.dossiers = dossiers;
    this.notifications = notifications;
  }

  @Override
  public void execute(DelegateExecution execution) {
    dossiers.closeWithoutSupplement(Variables.required(execution, DossierProcess.VAR_DOSSIER_CODE));
    notifications.simple(execution, NotificationKind.CLOSED_NO_SUPPLEMENT);
  }
}
