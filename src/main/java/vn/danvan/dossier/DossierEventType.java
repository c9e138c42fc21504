package vn.danvan.dossier;

/**
 * What can happen to a dossier; each occurrence is a row of its trail. The {@code CLOCK_*} and
 * {@code DEADLINE_EXTENDED} entries are written by the case clock ({@link vn.danvan.sla.CaseClock})
 * under the same names; {@code STEP_OVERDUE} and the {@code ESCALATED}… types are recorded for the dossier by the shared escalation ladder
 * ({@code vn.danvan.escalation}), which writes under the calling process's key.
 */
public enum DossierEventType {
  RECEIVED, RECEIPT_ISSUED, SUPPLEMENT_REQUESTED, SUPPLEMENTED, REFUSED, STEP_OVERDUE, APOLOGY_ISSUED,
  APOLOGY_REFUSED, APPOINTMENT_PASSED, RESULT_READY, RETURNED, RATED, WITHDRAWN, CLOSED,
  CLOCK_STARTED, CLOCK_PAUSED, CLOCK_RESUMED, DEADLINE_EXTENDED, CLOCK_STOPPED,
  ESCALATED, ESCALATION_RUNG_SKIPPED, STEP_URGED, ESCALATION_STOPPED, ESCALATION_EXHAUSTED
}
