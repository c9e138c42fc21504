package vn.danvan.dossier;

import static vn.danvan.dossier.DossierProcess.*;

import java.time.Instant;
import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import vn.danvan.calendar.VietnamTime;
import vn.danvan.contract.ContractViolation;

/**
 * Typed access to one dossier's process variables ({@link DossierProcess} names them): what the
 * steps read, tolerant of what forms and the API send (a flag as "true", a rating as "4", a form-js
 * date-time as Vietnam time), and what they write, in the types timers and forms need (a
 * {@link Date} and its Vietnamese text side by side). Delegates and the application service use
 * nothing else, so no variable name is written twice.
 */
final class DossierVariables {

  private final DelegateExecution execution;

  DossierVariables(DelegateExecution execution) {
    this.execution = execution;
  }

  /**
   * A read-only view of a dossier's variables outside any process step (a draft shown to an
   * official): the same reads the steps use, over a copy of the variables; any write throws.
   */
  static DossierVariables readOnly(String tenantId, String processInstanceId, String processDefinitionId,
      java.util.Map<String, Object> variables) {
    java.util.Map<String, Object> copy = new java.util.HashMap<>(variables);
    DelegateExecution view = (DelegateExecution) java.lang.reflect.Proxy.newProxyInstance(
        DossierVariables.class.getClassLoader(), new Class<?>[] {DelegateExecution.class}, (proxy, method, args) ->
            switch (method.getName()) {
              case "getVariable" -> copy.get((String) args[0]);
              case "hasVariable" -> copy.containsKey((String) args[0]);
              case "getTenantId" -> tenantId;
              case "getProcessInstanceId" -> processInstanceId;
              case "getProcessDefinitionId" -> processDefinitionId;
              case "getVariables" -> java.util.Collections.unmodifiableMap(copy);
              case "toString" -> "read-only variables of " + processInstanceId;
              case "hashCode" -> System.identityHashCode(proxy);
              case "equals" -> proxy == args[0];
              default -> throw new UnsupportedOperationException("Read-only dossier variables: " + method.getName());
            });
    return new DossierVariables(view);
  }

  // ---- the case

  String tenantId() {
    return execution.getTenantId();
  }

  String processInstanceId() {
    return execution.getProcessInstanceId();
  }

  String code() {
    return required(VAR_DOSSIER_CODE);
  }

  /** The new dossier's code, also the instance's business key. */
  void registered(String code) {
    execution.setVariable(VAR_DOSSIER_CODE, code);
    execution.setProcessBusinessKey(code);
  }

  String processDefinitionId() {
    return execution.getProcessDefinitionId();
  }

  /** The procedure's Vietnamese name from the catalogue, for the forms that show the dossier. */
  void procedureName(String name) {
    execution.setVariable(VAR_PROCEDURE_NAME, name);
  }

  /** Every variable of the case, for documents laid out from what the start form collected. */
  java.util.Map<String, Object> all() {
    return execution.getVariables();
  }

  // ---- the citizen's application

  String procedureCode() {
    return text(VAR_PROCEDURE_CODE);
  }

  boolean verificationNeeded() {
    return flag(execution.getVariable(VAR_VERIFICATION_NEEDED));
  }

  String channel() {
    return text(VAR_CHANNEL);
  }

  String applicantName() {
    return required(VAR_APPLICANT_NAME);
  }

  String phone() {
    return text(VAR_PHONE);
  }

  String email() {
    return text(VAR_EMAIL);
  }

  String address() {
    return text(VAR_ADDRESS);
  }

  String documentList() {
    return text(VAR_DOCUMENT_LIST);
  }

  String receivingOfficer() {
    return text(VAR_RECEIVING_OFFICER);
  }

  String deceasedName() {
    return text(VAR_DECEASED_NAME);
  }

  /** The deceased's name where a condolence letter needs it. */
  String requiredDeceasedName() {
    return required(VAR_DECEASED_NAME);
  }

  String deceasedBirthYear() {
    return text(VAR_DECEASED_BIRTH_YEAR);
  }

  String deathDate() {
    return text(VAR_DEATH_DATE);
  }

  // ---- decisions of the steps

  /** Required for a supplement request: the official's error if missing (400, the task stays open). */
  String missingItems() {
    return submitted(VAR_MISSING_ITEMS);
  }

  /** Required for a refusal: the official's error if missing (400, the task stays open). */
  String refusalReasons() {
    return submitted(VAR_REFUSAL_REASONS);
  }

  String approvedBy() {
    return text(VAR_APPROVED_BY);
  }

  /** When the leader approved; null before the approval (and for dossiers approved before it was recorded). */
  Instant approvedAt() {
    return instant(execution.getVariable(VAR_APPROVED_AT));
  }

  /** The leader who approved the result, who signs it: required once the approval is done. */
  String approvingLeader() {
    return required(VAR_APPROVED_BY);
  }

  String apologyReason() {
    return required(VAR_APOLOGY_REASON);
  }

  Instant newAppointment() {
    return instant(execution.getVariable(VAR_NEW_APPOINTMENT));
  }

  String apologyIssuedBy() {
    return text(VAR_APOLOGY_ISSUED_BY);
  }

  /** Who signs the apology: the step's signing input reads this variable. */
  void apologyIssuedBy(String leader) {
    execution.setVariable(VAR_APOLOGY_ISSUED_BY, leader);
  }

  String withdrawalReason() {
    return text(VAR_WITHDRAWAL_REASON);
  }

  String withdrawalRecordedBy() {
    return text(VAR_WITHDRAWAL_RECORDED_BY);
  }

  Integer satisfaction() {
    return integer(execution.getVariable(VAR_SATISFACTION));
  }

  String returnedBy() {
    return text(VAR_RETURNED_BY);
  }

  // ---- set by the process

  /** The head of the unit (late dossiers go to them, they sign courtesy letters), or null. */
  String chairman() {
    return text(VAR_CHAIRMAN);
  }

  void chairman(String userId) {
    execution.setVariable(VAR_CHAIRMAN, userId);
  }

  void apologyIssued(boolean issued) {
    execution.setVariable(VAR_APOLOGY_ISSUED, issued);
  }

  /** The appointment in force, for the timers (a Date) and the forms (Vietnamese text). */
  void appointment(Instant appointment) {
    execution.setVariable(VAR_APPOINTMENT_AT, Date.from(appointment));
    execution.setVariable(VAR_APPOINTMENT_TEXT, DossierDocuments.dateTime(appointment));
  }

  /** The appointment no longer holds (a supplement restarts the clock from zero). */
  void clearAppointment() {
    execution.removeVariable(VAR_APPOINTMENT_AT);
    execution.removeVariable(VAR_APPOINTMENT_TEXT);
  }

  void apologyDue(Instant due) {
    execution.setVariable(VAR_APOLOGY_DUE_AT, Date.from(due));
  }

  void supplementDue(Instant due) {
    execution.setVariable(VAR_SUPPLEMENT_DUE_AT, Date.from(due));
    execution.setVariable(VAR_SUPPLEMENT_DUE_TEXT, DossierDocuments.dateTime(due));
  }

  void hasCourtesyLetter(boolean has) {
    execution.setVariable(VAR_HAS_COURTESY_LETTER, has);
  }

  void outcome(Outcome outcome) {
    execution.setVariable(VAR_OUTCOME, outcome.name());
  }

  void receiptDocument(String documentId) {
    execution.setVariable(VAR_RECEIPT_DOCUMENT, documentId);
  }

  void supplementDocument(String documentId) {
    execution.setVariable(VAR_SUPPLEMENT_DOCUMENT, documentId);
  }

  void refusalDocument(String documentId) {
    execution.setVariable(VAR_REFUSAL_DOCUMENT, documentId);
  }

  void apologyDocument(String documentId) {
    execution.setVariable(VAR_APOLOGY_DOCUMENT, documentId);
  }

  void stopDocument(String documentId) {
    execution.setVariable(VAR_STOP_DOCUMENT, documentId);
  }

  void resultKind(String kind) {
    execution.setVariable(VAR_RESULT_KIND, kind);
  }

  void resultDocument(String documentId) {
    execution.setVariable(VAR_RESULT_DOCUMENT, documentId);
  }

  void courtesyDocument(String documentId) {
    execution.setVariable(VAR_COURTESY_DOCUMENT, documentId);
  }

  // ---- reading, tolerant of what forms and the API send

  private String text(String name) {
    return text(execution.getVariable(name));
  }

  private String required(String name) {
    String value = text(name);
    if (value == null || value.isBlank()) {
      throw new IllegalStateException("Variable '" + name + "' is required");
    }
    return value;
  }

  /**
   * A value the official must have entered in the task's form (the reasons of a refusal, the
   * missing items): a missing one is the submitter's error, so it is a {@link ContractViolation}
   * naming the field — the engine rolls the completion back and both REST layers answer 400, the
   * task stays open. The forms mark these fields required where they are shown; this is the same
   * rule for a client that does not use the form.
   */
  private String submitted(String name) {
    String value = text(name);
    if (value == null || value.isBlank()) {
      throw new ContractViolation(name, name + ": required for this decision");
    }
    return value;
  }

  static String text(Object value) {
    return value == null ? null : value.toString();
  }

  static boolean flag(Object value) {
    return value instanceof Boolean b ? b : value != null && Boolean.parseBoolean(value.toString());
  }

  static Integer integer(Object value) {
    if (value == null || value.toString().isBlank()) {
      return null;
    }
    return value instanceof Number n ? n.intValue() : Integer.valueOf(value.toString().trim());
  }

  /** A moment from a Date, a java.time value or an ISO string (a form-js date-time is Vietnam time). */
  static Instant instant(Object value) {
    return value == null ? null : VietnamTime.instant(value);
  }
}
