package vn.danvan.sla;

import java.time.Instant;

/**
 * An extension of a case's deadline by a decision: the decision (or letter) that grants it, why,
 * who, and either the new deadline or the term added to the current one (exactly one of both).
 *
 * @param decisionRef the deciding document's number or id (e.g. the apology letter, an extension
 *     decision); may be null where the process has none yet
 */
public record Extension(String decisionRef, String reason, String actor, Instant newDeadline, Term by) {

  public Extension {
    if ((newDeadline == null) == (by == null)) {
      throw new IllegalArgumentException("An extension gives either a new deadline or a term, not both");
    }
    if (reason == null || reason.isBlank()) {
      throw new IllegalArgumentException("An extension needs a reason");
    }
  }

  public static Extension to(Instant newDeadline, String decisionRef, String reason, String actor) {
    return new Extension(decisionRef, reason, actor, newDeadline, null);
  }

  public static Extension by(Term term, String decisionRef, String reason, String actor) {
    return new Extension(decisionRef, reason, actor, null, term);
  }
}
