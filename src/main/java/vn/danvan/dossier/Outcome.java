package vn.danvan.dossier;

import java.time.Instant;
import java.time.LocalDate;
import vn.danvan.calendar.WorkCalendar;

/**
 * How a dossier ended against its appointment (docs/design.md, "Deadlines"): early when the result was
 * ready before the appointment day, on time on that day, late after it. The appointment is the one
 * in force, i.e. the new one after an apology letter moved it.
 */
public enum Outcome {
  EARLY("Trước hạn"), ON_TIME("Đúng hạn"), LATE("Trễ hạn");

  private final String label;

  Outcome(String label) {
    this.label = label;
  }

  /** How the outcome reads in Vietnamese, for the trail and officials. */
  public String label() {
    return label;
  }

  public static Outcome of(Instant resultReadyAt, Instant appointmentAt) {
    LocalDate ready = WorkCalendar.dateOf(resultReadyAt);
    LocalDate appointment = WorkCalendar.dateOf(appointmentAt);
    if (ready.isBefore(appointment)) {
      return EARLY;
    }
    return ready.isEqual(appointment) && !resultReadyAt.isAfter(appointmentAt) ? ON_TIME : LATE;
  }
}
