package vn.danvan.dossier;

/**
 * What the dossier's own steps record in the case trail. The shared parts write their own types
 * into the same trail under the dossier's code (the case clock {@code CLOCK_*}, {@code
 * DEADLINE_EXTENDED}; the escalation ladder {@code STEP_OVERDUE}, {@code ESCALATED}…), so a
 * dossier's events carry the type as text: a new shared part never breaks reading them.
 */
public enum DossierEventType {
  RECEIVED, RECEIPT_ISSUED, SUPPLEMENT_REQUESTED, SUPPLEMENTED, REFUSED, APOLOGY_ISSUED,
  APOLOGY_REFUSED, APPOINTMENT_PASSED, RESULT_READY, RETURNED, RATED, WITHDRAWN, CLOSED
}
