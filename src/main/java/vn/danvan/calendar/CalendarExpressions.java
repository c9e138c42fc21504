package vn.danvan.calendar;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.util.Date;
import org.springframework.stereotype.Component;

/**
 * The work calendar for BPMN expressions, bean {@code workCalendar}: timers and task due dates such
 * as {@code ${workCalendar.plusWorkingDays(now(), 3)}}. Arguments are {@code Object} because process
 * variables arrive as {@link Date}, java.time values or ISO strings; results are {@link Date}, which
 * Camunda accepts for timers and due dates. Each method name has one signature, because JUEL picks
 * badly among overloads. Public: JUEL only invokes methods of public classes.
 */
@Component("workCalendar")
public class CalendarExpressions {

  private final WorkCalendar calendar;

  public CalendarExpressions(WorkCalendar calendar) {
    this.calendar = calendar;
  }

  /** See {@link WorkCalendar#plusWorkingDays(Instant, int)}. */
  public Date plusWorkingDays(Object from, int workingDays) {
    return Date.from(calendar.plusWorkingDays(toInstant(from), workingDays));
  }

  /** See {@link WorkCalendar#plusCalendarDays(Instant, int)}. */
  public Date plusCalendarDays(Object from, int calendarDays) {
    return Date.from(calendar.plusCalendarDays(toInstant(from), calendarDays));
  }

  /** See {@link WorkCalendar#sameDayDue(Instant)}. */
  public Date sameDayDue(Object received) {
    return Date.from(calendar.sameDayDue(toInstant(received)));
  }

  /** Whether the day of {@code when} (in Vietnam) is a working day; see {@link WorkCalendar#isWorkingDay(LocalDate)}. */
  public boolean isWorkingDay(Object when) {
    return calendar.isWorkingDay(when instanceof LocalDate date ? date : WorkCalendar.dateOf(toInstant(when)));
  }

  /**
   * Accepts {@link Date} (also {@code java.sql} subclasses), {@link Instant}, {@link OffsetDateTime},
   * {@link ZonedDateTime}, and ISO strings: with an offset, or without one (Vietnam local time), or
   * a bare date (start of that day in Vietnam). A {@link LocalDateTime} or {@link LocalDate} is
   * taken as Vietnam time.
   */
  static Instant toInstant(Object value) {
    if (value == null) {
      throw new IllegalArgumentException("A date is required, got null");
    }
    if (value instanceof Date date) {
      // getTime(), not toInstant(): java.sql.Date.toInstant() throws.
      return Instant.ofEpochMilli(date.getTime());
    }
    if (value instanceof Instant instant) {
      return instant;
    }
    if (value instanceof OffsetDateTime offset) {
      return offset.toInstant();
    }
    if (value instanceof ZonedDateTime zoned) {
      return zoned.toInstant();
    }
    if (value instanceof LocalDateTime local) {
      return local.atZone(VietnamTime.ZONE).toInstant();
    }
    if (value instanceof LocalDate date) {
      return date.atStartOfDay(VietnamTime.ZONE).toInstant();
    }
    if (value instanceof CharSequence text) {
      return parse(text.toString().strip());
    }
    throw new IllegalArgumentException("Cannot use a " + value.getClass().getName() + " as a date: " + value);
  }

  private static Instant parse(String text) {
    try {
      if (text.length() == 10) {
        return LocalDate.parse(text).atStartOfDay(VietnamTime.ZONE).toInstant();
      }
      if (text.endsWith("Z") || text.matches(".*[+-]\\d{2}:?\\d{2}$")) {
        return OffsetDateTime.parse(text).toInstant();
      }
      return LocalDateTime.parse(text).atZone(VietnamTime.ZONE).toInstant();
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException("Not an ISO date or date-time: '" + text + "'", e);
    }
  }
}
