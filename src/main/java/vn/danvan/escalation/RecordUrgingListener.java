package vn.danvan.escalation;

import static vn.danvan.escalation.EscalationLadder.*;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.stereotype.Component;

/**
 * On completion of "Đôn đốc xử lý bước quá hạn": glue to {@link EscalationService#urged}, with the
 * rung the task was opened for (its own input {@link EscalationLadder#VAR_TASK_RUNG_INDEX}; the ladder
 * may have gone up meanwhile) and the leader who completed it.
 */
@Component
class RecordUrgingListener implements TaskListener {

  private final EscalationService escalation;

  RecordUrgingListener(EscalationService escalation) {
    this.escalation = escalation;
  }

  @Override
  public void notify(DelegateTask task) {
    EscalationService.Ladder ladder = LadderVariables.ladder(task.getExecution());
    Object index = task.getVariable(VAR_TASK_RUNG_INDEX);
    Rung rung = index instanceof Number n && n.intValue() >= 0 && n.intValue() < ladder.spec().rungs().size()
        ? ladder.spec().rungs().get(n.intValue()).rung() : null;
    Authentication current = task.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
    String leader = task.getAssignee() != null ? task.getAssignee() : current == null ? null : current.getUserId();
    Object note = task.getVariable(VAR_URGE_NOTE);
    escalation.urged(ladder, rung, leader, note == null ? null : note.toString());
  }
}
