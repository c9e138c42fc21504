package vn.danvan.sla;

import java.time.LocalDate;

/**
 * The parts of a clock rule that a process's own catalogue does not hold, as {@code
 * sla/clock-rules.yaml} states them for one acceptance date.
 *
 * @param family the rule family, e.g. {@code ONE_STOP_DOSSIER}
 * @param effectiveFrom first acceptance date this version applies to
 * @param basis Vietnamese legal citation
 * @param source V statute, S secondary copy, ? unconfirmed
 */
public record ClockPolicy(String family, LocalDate effectiveFrom, ResumeMode resumeMode, int maxExtensions,
    String basis, String source) {

  /** The full rule for a deadline term and version supplied by the process's catalogue. */
  public ClockRule rule(String version, Term term) {
    return new ClockRule(version, term, resumeMode, maxExtensions);
  }
}
