package vn.danvan.dossier;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** "Ghi nhận bước quá hạn": a step overran its budget; the leader is asked to urge it. */
@Component
class RecordOverdueStepDelegate implements JavaDelegate {

  private final DossierService dossiers;

  RecordOverdueStepDelegate(DossierService dossiers) {
    this.dossiers = dossiers;
  }

  @Override
  public void execute(DelegateExecution execution) {
    dossiers.stepOverdue(Variables.required(execution, DossierProcess.VAR_DOSSIER_CODE),
        overdueStep(execution));
  }

  /** The boundary event this path started from names the step. */
  private static String overdueStep(DelegateExecution execution) {
    var history = execution.getProcessEngineServices().getHistoryService().createHistoricActivityInstanceQuery()
        .executionId(execution.getId()).activityType("boundaryTimer").orderByHistoricActivityInstanceStartTime()
        .desc().list();
    return history.isEmpty() ? "?" : history.get(0).getActivityName();
  }
}
