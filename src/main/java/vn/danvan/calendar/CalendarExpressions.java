package vn.danvan.calendar;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Date;
import org.springframework.stereotype.Component;
import vn.danvan.deployment.ModellingBean;

/**
 * The work calendar for BPMN expressions, bean {@code workCalendar}: timers and task due dates such
 * as {@code ${workCalendar.plusWorkingDays(now(), 3)}}. Arguments are {@code Object} because process
 * variables arrive as {@link Date}, java.time values or ISO strings; results are {@link Date}, which
 * Camunda accepts for timers and due dates. Each method name has one signature, because JUEL picks
 * badly among overloads. Public: JUEL only invokes methods of public classes.
 */
@ModellingBean
@Component("workCalendar")
public class CalendarExpressions {

  private final WorkCalendar calendar;

  public CalendarExpressions(WorkCalendar calendar) {
    this.calendar = calendar;
  }

  /** See {@link WorkCalendar#plusWorkingDays(Instant, int)}. */
  public Date plusWorkingDays(Object from, int workingDays) {
    return Date.from(calendar.plusWorkingDays(VietnamTime.instant(from), workingDays));
  }

  /** See {@link WorkCalendar#plusCalendarDays(Instant, int)}. */
  public Date plusCalendarDays(Object from, int calendarDays) {
    return Date.from(calendar.plusCalendarDays(VietnamTime.instant(from), calendarDays));
  }

  /** See {@link WorkCalendar#sameDayDue(Instant)}. */
  public Date sameDayDue(Object received) {
    return Date.from(calendar.sameDayDue(VietnamTime.instant(received)));
  }

  /** Whether the day of {@code when} (in Vietnam) is a working day; see {@link WorkCalendar#isWorkingDay(LocalDate)}. */
  public boolean isWorkingDay(Object when) {
    return calendar.isWorkingDay(when instanceof LocalDate date ? date : WorkCalendar.dateOf(VietnamTime.instant(when)));
  }
}
