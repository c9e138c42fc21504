package vn.danvan.sla;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import org.springframework.stereotype.Component;
import vn.danvan.calendar.CalendarProperties;
import vn.danvan.calendar.VietnamTime;
import vn.danvan.calendar.WorkCalendar;
import vn.danvan.procedure.WorkingTime;

/**
 * Due dates of the internal steps of a case and of the warnings before its appointment, counted
 * in office time: a budget of 4 working hours started at 16:00 runs out at 10:30 the next working
 * day (with the default hours 07:30–11:30, 13:00–17:00). A step is never due after the appointment.
 */
@Component
public class StepClock {

  private final WorkCalendar calendar;
  private final CalendarProperties.OfficeHours hours;

  public StepClock(WorkCalendar calendar, CalendarProperties properties) {
    this.calendar = calendar;
    this.hours = properties.officeHours();
  }

  /** When a step started at {@code from} with this budget is due, at the latest at {@code cap}. */
  public Instant stepDue(Instant from, WorkingTime budget, Instant cap) {
    Instant due = budget.unit() == WorkingTime.Unit.WORKING_DAYS
        ? calendar.plusWorkingDays(from, budget.amount())
        : plusWorkingHours(from, budget.amount());
    return cap != null && due.isAfter(cap) ? cap : due;
  }

  /** {@code from} plus that much office time. */
  public Instant plusWorkingHours(Instant from, int workingHours) {
    Duration left = Duration.ofHours(workingHours);
    ZonedDateTime at = from.atZone(VietnamTime.ZONE);
    LocalDate day = at.toLocalDate();
    LocalTime time = at.toLocalTime();
    while (true) {
      if (calendar.isWorkingDay(day)) {
        for (LocalTime[] session : sessions()) {
          LocalTime start = time.isAfter(session[0]) ? time : session[0];
          if (start.isBefore(session[1])) {
            Duration available = Duration.between(start, session[1]);
            if (available.compareTo(left) >= 0) {
              return day.atTime(start.plus(left)).atZone(VietnamTime.ZONE).toInstant();
            }
            left = left.minus(available);
          }
        }
      }
      day = day.plusDays(1);
      time = LocalTime.MIDNIGHT;
    }
  }

  /**
   * When the apology letter must be under way: the opening of the last working day before the
   * appointment's day, so that the letter reaches the citizen at least one day before (Decree
   * 118/2025). If that moment has passed already, it is due at once.
   */
  public Instant apologyDue(Instant appointment) {
    LocalDate day = WorkCalendar.dateOf(appointment).minusDays(1);
    while (!calendar.isWorkingDay(day)) {
      day = day.minusDays(1);
    }
    return day.atTime(hours.morningStart()).atZone(VietnamTime.ZONE).toInstant();
  }

  private LocalTime[][] sessions() {
    return new LocalTime[][] {{hours.morningStart(), hours.morningEnd()}, {hours.afternoonStart(), hours.afternoonEnd()}};
  }
}
