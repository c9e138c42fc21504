package vn.danvan.escalation;

import static vn.danvan.escalation.EscalationLadder.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** "Lập thang đôn đốc": glue to {@link EscalationService#plan}. */
@Component
class PlanEscalationLadderDelegate implements JavaDelegate {

  private final EscalationService escalation;

  PlanEscalationLadderDelegate(EscalationService escalation) {
    this.escalation = escalation;
  }

  @Override
  public void execute(DelegateExecution execution) {
    // the calling execution, from the engine's own link (the new instance is not flushed yet, so no query finds it)
    DelegateExecution caller = execution.getSuperExecution();
    LadderVariables.planned(execution, escalation.plan(caller == null ? null : caller.getProcessInstanceId(),
        caller == null ? null : caller.getProcessDefinitionId(), execution.getTenantId(),
        LadderVariables.text(execution, IN_CASE_KEY), LadderVariables.text(execution, IN_STEP_ID),
        LadderVariables.instant(execution, IN_STEP_DUE_AT), LadderVariables.text(execution, IN_LADDER)));
  }
}
