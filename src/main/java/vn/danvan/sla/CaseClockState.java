package vn.danvan.sla;

import java.time.Instant;

/**
 * A case's clock as stored ({@code dv_case_clock}).
 *
 * @param deadlineAt the deadline in force; while paused, the deadline the case had when it paused
 * @param remaining while paused under {@link ResumeMode#CONTINUE}: the time left, in working minutes
 *     (or calendar days for {@link TermUnit#CALENDAR_DAYS}); null otherwise
 * @param version the row's version, raised by every change (optimistic lock)
 */
public record CaseClockState(CaseRef ref, ClockRule rule, ClockState state, Instant startedAt, Instant deadlineAt,
    Instant pausedAt, Long remaining, int extensionsUsed, long version) {

  public boolean paused() {
    return state == ClockState.PAUSED;
  }

  /** How many extensions the rule still allows. */
  public int extensionsLeft() {
    return Math.max(0, rule.maxExtensions() - extensionsUsed);
  }
}
