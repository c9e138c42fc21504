package vn.danvan.dossier;

/**
 * What can happen to a dossier; each occurrence is a row of its trail. The {@code CLOCK_*} and
 * {@code DEADLINE_EXTENDED} entries are written by the case clock ({@link vn.danvan.sla.CaseClock})
 * under the same names.
 */
public enum DossierEventType {
  RECEIVED, RECEIPT_ISSUED, SUPPLEMENT_REQUESTED, SUPPLEMENTED, REFUSED, STEP_OVERDUE, APOLOGY_ISSUED,
  APOLOGY_REFUSED, APPOINTMENT_PASSED, RESULT_READY, RETURNED, RATED, WITHDRAWN, CLOSED,
  CLOCK_STARTED, CLOCK_PAUSED, CLOCK_RESUMED, DEADLINE_EXTENDED, CLOCK_STOPPED
}
