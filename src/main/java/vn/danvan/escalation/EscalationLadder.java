package vn.danvan.escalation;

/**
 * Names shared by {@code bpmn/escalationLadder.bpmn}, its delegates, the element template
 * {@code .camunda/element-templates/escalation-ladder.json} and the tests: the process key, the
 * element ids code refers to, the input variables a calling diagram maps in, the ladder's own
 * variables and the answers of its gateway.
 */
public final class EscalationLadder {

  public static final String KEY = "escalationLadder";

  // elements
  public static final String TASK_PLAN = "Task_PlanLadder";
  public static final String TASK_NEXT_RUNG = "Task_OpenNextRung";
  public static final String TASK_URGE = "Task_UrgeOverdueStep";
  public static final String TIMER_RUNG_ENDS = "TimerEvent_RungEnds";
  public static final String END_STEP_DONE = "EndEvent_StepDone";
  public static final String END_LADDER_EXHAUSTED = "EndEvent_LadderExhausted";
  /** The event sub-process that ends the ladder the moment the watched step ends. */
  public static final String SUBPROCESS_STEP_DONE = "SubProcess_StepDone";
  public static final String END_STOPPED_ON_STEP_DONE = "EndEvent_StoppedOnStepDone";
  /** Sent by the caller's step when it ends ({@link StepDoneListener}). */
  public static final String MESSAGE_STEP_DONE = "EscalatedStepDone";

  // inputs, mapped in by the calling diagram (camunda:in target=…)
  /** The case's key as its trail knows it (the dossier code). */
  public static final String IN_CASE_KEY = "caseKey";
  /** The BPMN element id of the overrunning step in the calling process. */
  public static final String IN_STEP_ID = "stepId";
  /** When the step is (or was) due: a Date, a java.time value or an ISO text. */
  public static final String IN_STEP_DUE_AT = "stepDueAt";
  /** The rungs and their waits, see {@link LadderSpec}. */
  public static final String IN_LADDER = "ladder";

  // set by the ladder
  public static final String VAR_CASE_INSTANCE = "caseInstanceId";
  public static final String VAR_CASE_PROCESS_KEY = "caseProcessKey";
  public static final String VAR_STEP_NAME = "stepName";
  public static final String VAR_OVERDUE_SINCE_TEXT = "overdueSinceText";
  public static final String VAR_RUNG_INDEX = "rungIndex";
  public static final String VAR_NEXT = "ladderNext";
  public static final String VAR_RUNG_OFFICIAL = "rungOfficial";
  public static final String VAR_RUNG_TEXT = "rungText";
  public static final String VAR_RUNG_DUE_AT = "rungDueAt";
  public static final String VAR_RUNG_DUE_TEXT = "rungDueText";
  /** The leader's note, the one editable field of the urge form. */
  public static final String VAR_URGE_NOTE = "urgeNote";
  /** Input of each urge task: the rung it was opened for. */
  public static final String VAR_TASK_RUNG_INDEX = "taskRungIndex";

  // answers of "Cấp đôn đốc tiếp theo?"
  public static final String NEXT_LEADER = "LEADER";
  public static final String NEXT_OFFICER = "OFFICER";
  public static final String NEXT_STEP_DONE = "STEP_DONE";
  public static final String NEXT_EXHAUSTED = "EXHAUSTED";

  // trail event types (labelled in trail/event-types.yaml)
  public static final String EVENT_STEP_OVERDUE = "STEP_OVERDUE";
  public static final String EVENT_ESCALATED = "ESCALATED";
  public static final String EVENT_RUNG_SKIPPED = "ESCALATION_RUNG_SKIPPED";
  public static final String EVENT_URGED = "STEP_URGED";
  public static final String EVENT_STOPPED = "ESCALATION_STOPPED";
  public static final String EVENT_EXHAUSTED = "ESCALATION_EXHAUSTED";

  private EscalationLadder() {}
}
