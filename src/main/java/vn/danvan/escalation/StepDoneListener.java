package vn.danvan.escalation;

import static vn.danvan.escalation.EscalationLadder.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import vn.danvan.identity.WithoutAuthorization;

/**
 * Ends, at once, the ladders that watch a step when that step ends: a leader is never asked to urge
 * work that is already done. Added by {@link LadderCallParseListener} to every activity a call of
 * {@code escalationLadder} names as its {@code stepId}, so no diagram has to model it.
 *
 * <p>The message goes to the ladders of this very instance and step ({@code caseInstanceId},
 * {@code stepId}). It is correlated without the current user's authorizations: the specialist who
 * completes an appraisal may not touch the leaders' ladder instances, yet finishing the appraisal
 * must stop them ({@link WithoutAuthorization}, inside this listener's own engine command). A step
 * that is cancelled with its scope (a withdrawal) sends nothing: the call activity is cancelled with
 * the same scope.
 */
class StepDoneListener implements ExecutionListener {

  @Override
  public void notify(DelegateExecution execution) {
    if (execution.isCanceled()) {
      return;
    }
    String instance = execution.getProcessInstanceId();
    String step = execution.getCurrentActivityId();
    var runtime = execution.getProcessEngineServices().getRuntimeService();
    WithoutAuthorization.call(execution.getProcessEngine(), () -> runtime.createMessageCorrelation(MESSAGE_STEP_DONE)
        .processInstanceVariableEquals(VAR_CASE_INSTANCE, instance)
        .processInstanceVariableEquals(IN_STEP_ID, step)
        .correlateAllWithResult());
  }
}
