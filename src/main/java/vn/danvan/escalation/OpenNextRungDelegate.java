package vn.danvan.escalation;

import static vn.danvan.escalation.EscalationLadder.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** "Chuyển cấp đôn đốc": glue to {@link EscalationService#openNextRung}. */
@Component
class OpenNextRungDelegate implements JavaDelegate {

  private final EscalationService escalation;

  OpenNextRungDelegate(EscalationService escalation) {
    this.escalation = escalation;
  }

  @Override
  public void execute(DelegateExecution execution) {
    LadderVariables.opened(execution, escalation.openNextRung(LadderVariables.ladder(execution),
        LadderVariables.rungIndex(execution), LadderVariables.instant(execution, VAR_RUNG_DUE_AT)));
  }
}
