package vn.danvan.escalation;

import vn.danvan.sla.EngineClock;
import static vn.danvan.escalation.EscalationLadder.*;

import java.time.Instant;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.danvan.calendar.VietnamTime;
import vn.danvan.sla.StepClock;
import vn.danvan.trail.CaseEvent;
import vn.danvan.trail.CaseTrail;

/**
 * The escalation ladder's steps, one method per BPMN step of {@code escalationLadder}: plan the
 * ladder, open the next rung (or stop), record a leader's urging. The overrunning step is known by
 * the element id the calling diagram passes and the calling instance, found through Camunda's public
 * runtime API — never by its label. Every rung is recorded in the case's trail, under the calling
 * process's key and at the overrunning step.
 */
@Service
public class EscalationService {

  /** What the ladder knows about its case once planned. */
  public record Ladder(String caseKey, String caseProcessKey, String unit, String caseInstanceId, String stepId,
      String stepName, Instant stepDueAt, LadderSpec spec) {}

  /** The rung just opened; {@code next} is one of the {@code NEXT_*} answers. */
  public record Opening(String next, int index, RungOfficials.Asked asked, Rung rung, Instant dueAt) {
    static Opening end(String next, int index) {
      return new Opening(next, index, null, null, null);
    }
  }

  private final RuntimeService runtime;
  private final RepositoryService repository;
  private final RungOfficials officials;
  private final StepClock clock;
  private final CaseTrail trail;

  EscalationService(RuntimeService runtime, RepositoryService repository, RungOfficials officials, StepClock clock,
      CaseTrail trail) {
    this.runtime = runtime;
    this.repository = repository;
    this.officials = officials;
    this.clock = clock;
    this.trail = trail;
  }

  /**
   * "Lập thang đôn đốc": checks the inputs, finds the calling instance and the step's name, and
   * records that the step is overdue.
   *
   * @throws IllegalArgumentException naming the input that is missing or wrong (an incident on the
   *     caller's timer job, with that message)
   */
  @Transactional
  public Ladder plan(String callerInstanceId, String callerDefinitionId, String unit, String caseKey, String stepId,
      Instant stepDueAt, String ladderText) {
    require(IN_CASE_KEY, caseKey);
    require(IN_STEP_ID, stepId);
    if (stepDueAt == null) {
      throw new IllegalArgumentException(KEY + ": input '" + IN_STEP_DUE_AT + "' is required (the step's deadline)");
    }
    LadderSpec spec = LadderSpec.parse(ladderText);
    if (callerInstanceId == null) {
      throw new IllegalArgumentException(KEY + " runs only as a call activity of the case's process");
    }
    String caseProcessKey = repository.getProcessDefinition(callerDefinitionId).getKey();
    ModelElementInstance element = repository.getBpmnModelInstance(callerDefinitionId).getModelElementById(stepId);
    if (!(element instanceof FlowElement step)) {
      throw new IllegalArgumentException(KEY + ": input '" + IN_STEP_ID + "': '" + stepId
          + "' is not an element of process " + caseProcessKey);
    }
    String name = step.getName() == null ? stepId : step.getName();
    Ladder ladder = new Ladder(caseKey, caseProcessKey, unit, callerInstanceId, stepId, name, stepDueAt, spec);
    record(ladder, EVENT_STEP_OVERDUE, null,
        "Bước «" + name + "» quá hạn từ " + VietnamTime.text(stepDueAt) + "; bắt đầu đôn đốc theo cấp.");
    return ladder;
  }

  /**
   * "Chuyển cấp đôn đốc": when the step is done, stops; else opens the next rung that someone
   * holds, recording every rung skipped for want of an official; at the end of the ladder, records
   * that it ran out. A rung ends its wait after the previous rung's end (the first one after the
   * step's deadline), so a late timer job does not shift the ladder; a skipped rung uses no time.
   *
   * @param index the rung open until now (-1 before the first)
   * @param currentDueAt when that rung ends (ignored before the first)
   */
  @Transactional
  public Opening openNextRung(Ladder ladder, int index, Instant currentDueAt) {
    if (!stepOpen(ladder)) {
      record(ladder, EVENT_STOPPED, null, "Bước «" + ladder.stepName() + "» đã được xử lý xong; dừng đôn đốc.");
      return Opening.end(NEXT_STEP_DONE, index);
    }
    Instant start = index < 0 ? ladder.stepDueAt() : currentDueAt;
    for (int i = index + 1; i < ladder.spec().rungs().size(); i++) {
      LadderSpec.Step step = ladder.spec().rungs().get(i);
      RungOfficials.Resolution resolution = officials.resolve(step.rung(), ladder.unit(), ladder.caseInstanceId(),
          ladder.stepId());
      if (resolution.asked() == null) {
        record(ladder, EVENT_RUNG_SKIPPED, null, "Cấp " + step.rung().label() + ": bỏ qua — "
            + resolution.skipReason() + ".");
        continue;
      }
      Instant due = clock.stepDue(start, step.duration(), null);
      record(ladder, EVENT_ESCALATED, null, "Cấp " + step.rung().label() + ": đề nghị " + resolution.asked().text()
          + " đôn đốc bước «" + ladder.stepName() + "» (quá hạn từ " + VietnamTime.text(ladder.stepDueAt())
          + "); thời hạn của cấp này đến " + VietnamTime.text(due) + ".");
      return new Opening(step.rung() == Rung.OFFICER ? NEXT_OFFICER : NEXT_LEADER, i, resolution.asked(), step.rung(),
          due);
    }
    record(ladder, EVENT_EXHAUSTED, null, "Đã đôn đốc đến cấp cuối cùng; bước «" + ladder.stepName()
        + "» vẫn chưa được xử lý xong.");
    return Opening.end(NEXT_EXHAUSTED, ladder.spec().rungs().size());
  }

  /** "Ghi nhận dừng đôn đốc": the watched step has just ended; the open urge task, if any, is withdrawn. */
  @Transactional
  public void stepDone(Ladder ladder) {
    record(ladder, EVENT_STOPPED, null, "Bước «" + ladder.stepName() + "» đã được xử lý xong; dừng đôn đốc.");
  }

  /** "Ghi nhận ý kiến đôn đốc": the leader's note, in the trail under their name. */
  @Transactional
  public void urged(Ladder ladder, Rung rung, String leader, String note) {
    record(ladder, EVENT_URGED, leader, "Cấp " + (rung == null ? "" : rung.label() + ": ")
        + "đã đôn đốc bước «" + ladder.stepName() + "». Nội dung: " + (note == null ? "" : note.strip()));
  }

  /** Whether the calling instance still waits in the step (public runtime API, by element id). */
  boolean stepOpen(Ladder ladder) {
    return runtime.createExecutionQuery().processInstanceId(ladder.caseInstanceId()).activityId(ladder.stepId())
        .count() > 0;
  }

  private void record(Ladder ladder, String type, String actor, String details) {
    trail.record(new CaseEvent(ladder.caseKey(), ladder.caseProcessKey(), ladder.unit(), type, actor, EngineClock.now(),
        ladder.stepId(), null, details));
  }

  private static void require(String input, String value) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException(KEY + ": input '" + input + "' is required (camunda:in target=\"" + input + "\")");
    }
  }
}
