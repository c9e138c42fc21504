package vn.danvan.procedure;

/** How the processing time of a procedure is counted; the amount comes with it in {@link Deadline}. */
public enum DeadlineType {
  /**
   * Within the day of receipt; received after the same-day cutoff (15:00), the next working day
   * (Decree 23/2015 Art. 7). The amount is 0.
   */
  SAME_DAY,
  /** {@code amount} working days, counted from the day after the receipt. */
  WORKING_DAYS,
  /**
   * {@code amount} half working days (office-hour sessions), counted from the session after the
   * receipt: ½ working day is one session, see {@link AppointmentCalculator}.
   */
  HALF_DAY
}
