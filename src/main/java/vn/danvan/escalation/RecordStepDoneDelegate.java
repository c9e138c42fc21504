package vn.danvan.escalation;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** "Ghi nhận dừng đôn đốc": the watched step ended while the ladder was climbing. */
@Component
class RecordStepDoneDelegate implements JavaDelegate {

  private final EscalationService escalation;

  RecordStepDoneDelegate(EscalationService escalation) {
    this.escalation = escalation;
  }

  @Override
  public void execute(DelegateExecution execution) {
    escalation.stepDone(LadderVariables.ladder(execution));
  }
}
