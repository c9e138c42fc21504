package vn.danvan.dossier;

/**
 * The backing class of {@code bpmn/dossierApproval.bpmn}: every name the diagram, its forms and its
 * code share — the process key, the element ids code refers to, variable, message and error names,
 * and the decision values of gateways and form options. Code reads and writes variables only through
 * {@link DossierVariables}; {@code DossierProcessNamesTest} fails when the diagram or a form uses a
 * name or value that is not declared here (the catalogue decision's own names are in
 * {@link vn.danvan.procedure.ProcedureDecision}).
 */
public final class DossierProcess {

  public static final String KEY = "dossierApproval";

  // elements
  public static final String TASK_CHECK = "Task_CheckDossier";
  public static final String TASK_RECEIVE_SUPPLEMENT = "Task_ReceiveSupplement";
  public static final String TASK_APPRAISE = "Task_AppraiseDossier";
  public static final String TASK_APPROVE = "Task_ApproveResult";
  /**
   * Draws up the result after the approval, asynchronously (asyncBefore): the leader's approval
   * returns without rendering; the job numbers, renders and signs the result ({@link #TASK_SIGN_RESULT}
   * runs in the same job), and a failed job rolls all of it back and is retried, then raises an incident.
   */
  public static final String TASK_PREPARE_RESULT = "Task_PrepareResult";
  public static final String TASK_SIGN_RESULT = "Task_SignResult";
  public static final String TASK_ISSUE_APOLOGY = "Task_IssueApology";
  public static final String TASK_ESCALATE_LATE = "Task_DirectLateDossier";
  /** Call activities of the escalation ladder (vn.danvan.escalation), one per overdue boundary timer. */
  public static final String CALL_ESCALATE_APPRAISAL = "CallActivity_EscalateAppraisal";
  public static final String CALL_ESCALATE_APPROVAL = "CallActivity_EscalateApproval";
  public static final String TASK_RETURN = "Task_ReturnResult";
  public static final String TASK_REQUEST_SUPPLEMENT = "Task_RequestSupplement";
  public static final String TASK_SIGN_SUPPLEMENT_REQUEST = "Task_SignSupplementRequest";
  public static final String TASK_SEND_SUPPLEMENT_REQUEST = "Task_SendSupplementRequest";
  public static final String TASK_DRAW_UP_APOLOGY = "Task_DrawUpApology";
  public static final String TASK_SIGN_APOLOGY = "Task_SignApology";
  public static final String TASK_SEND_APOLOGY = "Task_SendApology";
  public static final String TASK_SIGN_COURTESY_LETTER = "Task_SignCourtesyLetter";
  public static final String TASK_SIGN_REFUSAL = "Task_SignRefusal";
  public static final String TIMER_APOLOGY_DUE = "TimerEvent_ApologyDue";
  public static final String TIMER_APPOINTMENT = "TimerEvent_AppointmentReached";
  public static final String TIMER_SUPPLEMENT_OVERDUE = "BoundaryEvent_SupplementOverdue";
  public static final String TIMER_APPRAISAL_OVERDUE = "BoundaryEvent_AppraisalOverdue";
  public static final String TIMER_APPROVAL_OVERDUE = "BoundaryEvent_ApprovalOverdue";
  public static final String END_RETURNED = "EndEvent_ResultReturned";
  public static final String END_REFUSED = "EndEvent_DossierRefused";
  public static final String END_CLOSED = "EndEvent_DossierClosed";
  public static final String END_WITHDRAWN = "EndEvent_DossierWithdrawn";

  // messages and errors
  public static final String MESSAGE_WITHDRAWN = "DossierWithdrawn";
  public static final String ERROR_SUPPLEMENT_NEEDED = "SupplementNeeded";
  public static final String ERROR_REFUSED = "DossierRefused";

  // variables: the citizen's application
  public static final String VAR_DOSSIER_CODE = "dossierCode";
  public static final String VAR_PROCEDURE_CODE = "procedureCode";
  /** The procedure's name from the catalogue, set when the dossier is registered: what forms show. */
  public static final String VAR_PROCEDURE_NAME = "procedureName";
  public static final String VAR_VERIFICATION_NEEDED = "verificationNeeded";
  public static final String VAR_APPLICANT_NAME = "applicantName";
  public static final String VAR_ID_NUMBER = "idNumber";
  public static final String VAR_PHONE = "phone";
  public static final String VAR_EMAIL = "email";
  public static final String VAR_ADDRESS = "applicantAddress";
  public static final String VAR_DOCUMENT_LIST = "documentList";
  public static final String VAR_CHANNEL = "channel";
  public static final String VAR_RECEIVING_OFFICER = "receivingOfficer";
  /** The unit the dossier is filed with (start form / API; the tenant of the instance). */
  public static final String VAR_UNIT_CODE = vn.danvan.identity.Units.VAR_UNIT_CODE;
  /** Death registration only: the deceased (start form fields shown for that procedure). */
  public static final String VAR_DECEASED_NAME = "deceasedName";
  public static final String VAR_DECEASED_BIRTH_YEAR = "deceasedBirthYear";
  public static final String VAR_DEATH_DATE = "deathDate";

  // variables: decisions of the steps
  public static final String VAR_CHECK_RESULT = "checkResult";
  public static final String VAR_MISSING_ITEMS = "missingItems";
  public static final String VAR_REFUSAL_REASONS = "refusalReasons";
  public static final String VAR_APPRAISAL_RESULT = "appraisalResult";
  public static final String VAR_APPRAISAL_OPINION = "appraisalOpinion";
  public static final String VAR_APPROVAL_DECISION = "approvalDecision";
  public static final String VAR_APPROVAL_NOTE = "approvalNote";
  /** The leader who approved (set by the approval task's listener); signs the result. */
  public static final String VAR_APPROVED_BY = "approvedBy";
  /** When the leader approved (set by the approval task's listener): the result states it, however late its job runs. */
  public static final String VAR_APPROVED_AT = "approvedAt";
  public static final String VAR_APOLOGY_REASON = "apologyReason";
  public static final String VAR_NEW_APPOINTMENT = "newAppointmentAt";
  /** The leader who issued the apology (set by the apology task's listener, else the head of the unit); signs it. */
  public static final String VAR_APOLOGY_ISSUED_BY = "apologyIssuedBy";
  public static final String VAR_DIRECTIVE = "directive";
  public static final String VAR_URGE_NOTE = "urgeNote";
  public static final String VAR_WITHDRAWAL_REASON = "withdrawalReason";
  /** The officer who recorded the citizen's withdrawal (set with the message). */
  public static final String VAR_WITHDRAWAL_RECORDED_BY = "withdrawalRecordedBy";
  public static final String VAR_SATISFACTION = "satisfaction";
  public static final String VAR_RESULT_HANDED_OVER = "resultHandedOver";
  public static final String VAR_HANDOVER_NOTE = "handoverNote";
  /** The officer who handed the result over (set by the return task's listener). */
  public static final String VAR_RETURNED_BY = "returnedBy";

  // variables: set by the process (dates are java.util.Date for timers and forms)
  public static final String VAR_APPOINTMENT_AT = "appointmentAt";
  /** The same as Vietnamese text for forms ("17 giờ 00 phút, ngày 24/4/2026"): a Date shows as UTC there. */
  public static final String VAR_APPOINTMENT_TEXT = "appointmentText";
  public static final String VAR_SUPPLEMENT_DUE_TEXT = "supplementDueText";
  public static final String VAR_APOLOGY_DUE_AT = "apologyDueAt";
  public static final String VAR_SUPPLEMENT_DUE_AT = "supplementDueAt";
  public static final String VAR_APPRAISE_DUE_AT = "appraiseDueAt";
  public static final String VAR_APPROVE_DUE_AT = "approveDueAt";
  public static final String VAR_APOLOGY_ISSUED = "apologyIssued";
  public static final String VAR_CHAIRMAN = "chairmanUserId";
  public static final String VAR_HAS_COURTESY_LETTER = "hasCourtesyLetter";
  public static final String VAR_RESULT_DOCUMENT = "resultDocumentId";
  /** The kind of the result, the template the catalogue row names: what the signing step expects. */
  public static final String VAR_RESULT_KIND = "resultKind";
  public static final String VAR_COURTESY_DOCUMENT = "courtesyDocumentId";
  public static final String VAR_OUTCOME = "outcome";
  public static final String VAR_RECEIPT_DOCUMENT = "receiptDocumentId";
  public static final String VAR_STOP_DOCUMENT = "stopDocumentId";
  public static final String VAR_SUPPLEMENT_DOCUMENT = "supplementDocumentId";
  public static final String VAR_REFUSAL_DOCUMENT = "refusalDocumentId";
  public static final String VAR_APOLOGY_DOCUMENT = "apologyDocumentId";


  /** Answers of the check at the counter. */
  public static final String CHECK_COMPLETE = "COMPLETE";
  public static final String CHECK_INCOMPLETE = "INCOMPLETE";
  public static final String CHECK_NOT_ACCEPTED = "NOT_ACCEPTED";

  /** Answers of the appraisal. */
  public static final String APPRAISAL_PROPOSE_APPROVE = "PROPOSE_APPROVE";
  public static final String APPRAISAL_PROPOSE_REFUSE = "PROPOSE_REFUSE";
  public static final String APPRAISAL_NEED_SUPPLEMENT = "NEED_SUPPLEMENT";

  /** Decisions of the approving leader. */
  public static final String APPROVAL_APPROVE = "APPROVE";
  public static final String APPROVAL_RETURN = "RETURN";
  public static final String APPROVAL_REFUSE = "REFUSE";

  /** How the dossier was filed ({@link vn.danvan.procedure.Channel}). */
  public static final String CHANNEL_COUNTER = "COUNTER";
  public static final String CHANNEL_ONLINE = "ONLINE";
  public static final String CHANNEL_POSTAL = "POSTAL";

  /** Procedures the diagram, its forms or its letters treat apart (catalogue codes). */
  public static final String PROCEDURE_BIRTH_REGISTRATION = "BIRTH_REGISTRATION";
  /** The certified copy procedure (chứng thực bản sao từ bản chính), the demo seed's dossiers. */
  public static final String PROCEDURE_CERTIFIED_COPY = "CERTIFIED_COPY";
  /** The start form asks for the deceased only for this procedure. */
  public static final String PROCEDURE_DEATH_REGISTRATION = "DEATH_REGISTRATION";

  /** Step names of {@code caseClock.stepDue(execution, step)} (budgets: {@link DossierStepBudgets}). */
  public static final String STEP_APPRAISE = "APPRAISE";
  public static final String STEP_APPROVE = "APPROVE";
  public static final String STEP_SIGN = "SIGN";

  private DossierProcess() {}
}
