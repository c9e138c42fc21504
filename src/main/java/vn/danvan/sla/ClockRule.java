package vn.danvan.sla;

import java.util.Objects;

/**
 * The deadline rule a case runs under, as a value frozen into the case's clock when it starts: the
 * rule in force on the day the case was accepted, never today's. Supplied by the process's rule
 * source (the one-stop catalogue row; {@code sla/clock-rules.yaml} for the policy parts).
 *
 * @param version which version of the rule (e.g. the catalogue row's effective date), recorded with
 *     every change of the clock
 * @param term the statutory deadline counted from the start
 * @param resumeMode what a resumption after a pause does
 * @param maxExtensions how many times the deadline may be extended (0: never)
 */
public record ClockRule(String version, Term term, ResumeMode resumeMode, int maxExtensions) {

  public ClockRule {
    Objects.requireNonNull(term, "term");
    Objects.requireNonNull(resumeMode, "resumeMode");
    if (maxExtensions < 0) {
      throw new IllegalArgumentException("maxExtensions cannot be negative");
    }
  }
}
