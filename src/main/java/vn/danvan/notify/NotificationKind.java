package vn.danvan.notify;

import java.util.Locale;

/**
 * The dossier events a citizen is told about. Each kind has its texts in
 * {@code notify/templates/<kind in kebab case>.yaml} (e-mail subject and body, short SMS text).
 */
public enum NotificationKind {
  /** The dossier was received: its code and the appointment for the result. */
  RECEIPT,
  /** The dossier is incomplete: what to add, within 15 working days. */
  SUPPLEMENT_REQUEST,
  /** The result will be late: apology, reason and the new appointment. */
  APOLOGY,
  /** The result is ready: come and collect it. */
  RESULT_READY,
  /** The dossier was closed because the supplement did not arrive in time. */
  CLOSED_NO_SUPPLEMENT,
  /** The request is refused, with the reason. */
  REFUSAL,
  /** The dossier was withdrawn at the citizen's request. */
  WITHDRAWN;

  /** Classpath resource of the kind's texts, e.g. {@code notify/templates/result-ready.yaml}. */
  public String templateResource() {
    return "notify/templates/" + name().toLowerCase(Locale.ROOT).replace('_', '-') + ".yaml";
  }
}
