package vn.danvan.sla;

/**
 * How a {@link Term} is counted. The one-stop units keep the semantics of the receipt slip
 * ({@link vn.danvan.procedure.AppointmentCalculator}); the others serve complaints, denunciations and
 * any process whose law counts in working hours or calendar days.
 */
public enum TermUnit {
  /** Within the day; after the same-day cut-off (15:00) the next working day. The amount is 0. */
  SAME_DAY,
  /** Office-hour sessions (½ working day each), from the session after the start. */
  HALF_DAYS,
  /** Office time in hours: nights, rest days and holidays do not use it up. */
  WORKING_HOURS,
  /** Working days from the day after the start, ending at the close of office hours. */
  WORKING_DAYS,
  /**
   * Calendar days from the day after the start; a last day that is a rest day or holiday rolls
   * over to the next working day (Civil Code 2015 Art. 147–148).
   */
  CALENDAR_DAYS;

  /** Whether the office-time of a pause can be measured in working minutes (else in calendar days). */
  boolean countsOfficeTime() {
    return this != CALENDAR_DAYS;
  }
}
