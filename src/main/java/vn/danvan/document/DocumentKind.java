package vn.danvan.document;

import java.util.Locale;

/**
 * The kinds of document the processes issue, each with its template
 * {@code documents/templates/<kind in kebab case>.yaml} (title, register, symbol, body text).
 * Forms 01–05 are those of the one-stop mechanism (Circular 03/2025/TT-VPCP).
 */
public enum DocumentKind {
  /** Form 01: receipt slip with the appointment for the result. */
  RECEIPT,
  /** Form 02: one request listing everything the citizen must supplement. */
  SUPPLEMENT_REQUEST,
  /** Form 03: refusal to accept the dossier, with reasons. */
  REFUSAL,
  /** Form 04: apology for a late result, with a new appointment. */
  APOLOGY,
  /** Form 05: notice that handling stops (the citizen withdrew). */
  STOP_NOTICE,
  /** The result of a procedure: a decision of the unit's chairman. */
  RESULT,
  /** Congratulation letter (with birth and marriage certificates). */
  CONGRATULATION,
  /** Condolence letter (with a death registration). */
  CONDOLENCE,
  /** Land clearance: record of a household handing over its land. */
  SITE_HANDOVER;

  /** Classpath location of this kind's template. */
  public String templateResource() {
    return "documents/templates/" + name().toLowerCase(Locale.ROOT).replace('_', '-') + ".yaml";
  }
}
