package vn.danvan.dossier;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/**
 * On the "Đồng ý" flow of the approval: see {@link DossierApplicationService#checkResultSigner}.
 * A listener of the flow, not a step, because it must run in the leader's own transaction, before
 * the asynchronous boundary of {@link DossierProcess#TASK_PREPARE_RESULT}.
 */
@Component
class CheckResultSignerListener implements ExecutionListener {

  private final DossierApplicationService steps;

  CheckResultSignerListener(DossierApplicationService steps) {
    this.steps = steps;
  }

  @Override
  public void notify(DelegateExecution execution) {
    steps.checkResultSigner(new DossierVariables(execution));
  }
}
