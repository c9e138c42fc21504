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
    return plusWorkingMinutes(from, workingHours * 60L);
  }

  /** {@code from} plus that much office time, in minutes (0: the next moment the office is open). */
  public Instant plusWorkingMinutes(Instant from, long workingMinutes) {
    Duration left = Duration.ofMinutes(workingMinutes);
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
   * When the apology for a possibly late case falls due: the latest moment that still lets the
   * leader act before the appointment, and never before the case is really at risk.
   *
   * <ul>
   *   <li>When the last working day before the appointment's day comes after the day the clock
   *       started (a deadline of more than one working day): the opening of that last working day.
   *       The leader then has a whole working day and the letter reaches the citizen at least one
   *       day before the appointment, as the rulebook asks (Decree 118/2025).
   *   <li>Otherwise (same-day, half-day and one-day deadlines), one day's notice cannot be given
   *       at all: the apology falls due when only {@code shortDeadlineShare} of the office time
   *       between the start and the appointment is left (a quarter by default), so the leader still
   *       has that share to decide, sign and have the citizen told the same day.
   * </ul>
   *
   * The moment is cut to the minute (earlier, never later).
   *
   * @param started when the statutory clock started (the acceptance of the complete dossier)
   * @param appointment when the result is due
   * @param shortDeadlineShare the share (0 to 1) of office time left to the leader on a short deadline
   */
  public Instant apologyDue(Instant started, Instant appointment, double shortDeadlineShare) {
    LocalDate day = WorkCalendar.dateOf(appointment).minusDays(1);
    while (!calendar.isWorkingDay(day)) {
      day = day.minusDays(1);
    }
    if (day.isAfter(WorkCalendar.dateOf(started))) {
      return day.atTime(hours.morningStart()).atZone(VietnamTime.ZONE).toInstant();
    }
    long office = workingMinutesBetween(started, appointment);
    long lead = (long) Math.ceil(office * shortDeadlineShare);
    return minusWorkingMinutes(appointment, lead);
  }

  /** Office time between two instants, in whole minutes (0 if {@code to} is not after {@code from}). */
  public long workingMinutesBetween(Instant from, Instant to) {
    long minutes = 0;
    LocalDate last = WorkCalendar.dateOf(to);
    for (LocalDate day = WorkCalendar.dateOf(from); !day.isAfter(last); day = day.plusDays(1)) {
      if (!calendar.isWorkingDay(day)) {
        continue;
      }
      for (LocalTime[] session : sessions()) {
        Instant start = max(from, day.atTime(session[0]).atZone(VietnamTime.ZONE).toInstant());
        Instant end = min(to, day.atTime(session[1]).atZone(VietnamTime.ZONE).toInstant());
        if (end.isAfter(start)) {
          minutes += Duration.between(start, end).toMinutes();
        }
      }
    }
    return minutes;
  }

  /** {@code to} minus that much office time, counted backwards through the sessions. */
  public Instant minusWorkingMinutes(Instant to, long workingMinutes) {
    long left = workingMinutes;
    ZonedDateTime at = to.atZone(VietnamTime.ZONE);
    LocalDate day = at.toLocalDate();
    LocalTime time = at.toLocalTime();
    while (true) {
      if (calendar.isWorkingDay(day)) {
        LocalTime[][] sessions = sessions();
        for (int i = sessions.length - 1; i >= 0; i--) {
          LocalTime end = time.isBefore(sessions[i][1]) ? time : sessions[i][1];
          if (end.isAfter(sessions[i][0])) {
            long available = Duration.between(sessions[i][0], end).toMinutes();
            if (available >= left) {
              return day.atTime(end.minusMinutes(left)).atZone(VietnamTime.ZONE).toInstant();
            }
            left -= available;
          }
        }
      }
      day = day.minusDays(1);
      time = LocalTime.MAX;
    }
  }

  private static Instant max(Instant a, Instant b) {
    return a.isAfter(b) ? a : b;
  }

  private static Instant min(Instant a, Instant b) {
    return a.isBefore(b) ? a : b;
  }

  private LocalTime[][] sessions() {
    return new LocalTime[][] {{hours.morningStart(), hours.morningEnd()}, {hours.afternoonStart(), hours.afternoonEnd()}};
  }
}
