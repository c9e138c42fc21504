package vn.danvan.dossier;

/** What can happen to a dossier; each occurrence is a row of its trail. */
public enum DossierEventType {
  RECEIVED, RECEIPT_ISSUED, SUPPLEMENT_REQUESTED, SUPPLEMENTED, REFUSED, STEP_OVERDUE, APOLOGY_ISSUED,
  APOLOGY_REFUSED, APPOINTMENT_PASSED, RESULT_READY, RETURNED, RATED, WITHDRAWN, CLOSED
}
