package vn.danvan.calendar;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Counts the deadlines of the processes in working days or calendar days, with the civil-service
 * days off of the loaded holiday files (docs/legal-rules.md §1). Every date is taken in {@link
 * VietnamTime#ZONE}, whatever the JVM's default zone is, and every deadline falls due at the end of
 * office hours of its last day. Spring bean {@code workingDayCalendar}; BPMN expressions use the
 * {@code workCalendar} facade ({@link CalendarExpressions}).
 */
public class WorkCalendar {

  private static final Logger LOG = LoggerFactory.getLogger(WorkCalendar.class);

  private final HolidayTable holidays;
  private final CalendarProperties properties;
  private final Set<Integer> yearsWarnedAbout = ConcurrentHashMap.newKeySet();

  public WorkCalendar(HolidayTable holidays, CalendarProperties properties) {
    this.holidays = holidays;
    this.properties = properties;
  }

  /**
   * A working day is Monday to Friday unless the holiday file lists it as a day off, or a Saturday
   * or Sunday the file lists as a swapped working day. For a year without a holiday file only
   * weekends are off (a warning is logged once per such year).
   */
  public boolean isWorkingDay(LocalDate date) {
    if (!holidays.covers(date.getYear()) && yearsWarnedAbout.add(date.getYear())) {
      LOG.warn("No holiday file for {}: counting weekends only. Add {}.csv to the holiday folder.", date.getYear(), date.getYear());
    }
    return holidays.entry(date)
        .map(entry -> entry.kind() == CalendarEntry.Kind.WORKING_DAY)
        .orElseGet(() -> date.getDayOfWeek() != DayOfWeek.SATURDAY && date.getDayOfWeek() != DayOfWeek.SUNDAY);
  }

  /** The first working day strictly after {@code date}. */
  public LocalDate nextWorkingDay(LocalDate date) {
    LocalDate next = date.plusDays(1);
    while (!isWorkingDay(next)) {
      next = next.plusDays(1);
    }
    return next;
  }

  /**
   * Due date of a period of {@code n} working days. The period starts the day after the triggering
   * event (Civil Code Art. 147), so the deadline is the end of office hours of the n-th working day
   * after the date of {@code from}; the time of day of {@code from} does not matter. With {@code n
   * = 0} it is the end of office hours of the day of {@code from} if that is a working day, else of
   * the next working day.
   *
   * @throws IllegalArgumentException if {@code n} is negative
   */
  public Instant plusWorkingDays(Instant from, int n) {
    requireNotNegative(n);
    LocalDate day = dateOf(from);
    if (n == 0) {
      return endOfOfficeHours(isWorkingDay(day) ? day : nextWorkingDay(day));
    }
    for (int i = 0; i < n; i++) {
      day = nextWorkingDay(day);
    }
    return endOfOfficeHours(day);
  }

  /**
   * Due date of a same-day procedure (Decree 23/2015 Art. 7, Civil Status Law 2014 Art. 16): a
   * dossier received on a working day up to the cutoff (15:00 by default) is due at the end of that
   * day's office hours; received after the cutoff, or on a rest day or holiday, it is due at the end
   * of office hours of the next working day. The decree says "after 15 o'clock", so 15:00:00 itself
   * is still the same day.
   */
  public Instant sameDayDue(Instant received) {
    ZonedDateTime local = received.atZone(VietnamTime.ZONE);
    LocalDate day = local.toLocalDate();
    boolean sameDay = isWorkingDay(day) && !local.toLocalTime().isAfter(properties.sameDayCutoff());
    return endOfOfficeHours(sameDay ? day : nextWorkingDay(day));
  }

  /**
   * Due date of a period of {@code n} calendar days (Civil Code 2015 Art. 147–148): it starts the
   * day after {@code from}, so its last day is {@code date(from) + n}; if that day is a rest day or
   * holiday the period ends on the next working day. The law counts to the end of the last day,
   * but an agency only acts during office hours, so the deadline is the end of office hours of that
   * day: a citizen or officer acting later cannot be served by the agency that day anyway.
   *
   * @throws IllegalArgumentException if {@code n} is negative
   */
  public Instant plusCalendarDays(Instant from, int n) {
    requireNotNegative(n);
    LocalDate last = dateOf(from).plusDays(n);
    return endOfOfficeHours(isWorkingDay(last) ? last : nextWorkingDay(last));
  }

  /**
   * Number of working days {@code d} with {@code date(from) < d <= date(to)}: the working days a
   * period started at {@code from} has used up by {@code to} (the day of {@code from} does not
   * count, the day of {@code to} does). 0 if {@code to} is on or before the day of {@code from}.
   * So {@code workingDaysBetween(from, plusWorkingDays(from, n)) == n} for {@code n > 0}.
   */
  public int workingDaysBetween(Instant from, Instant to) {
    LocalDate end = dateOf(to);
    int count = 0;
    for (LocalDate day = dateOf(from).plusDays(1); !day.isAfter(end); day = day.plusDays(1)) {
      if (isWorkingDay(day)) {
        count++;
      }
    }
    return count;
  }

  /** True during the morning or afternoon session of a working day (start inclusive, end exclusive). */
  public boolean isOfficeHours(Instant instant) {
    ZonedDateTime local = instant.atZone(VietnamTime.ZONE);
    return isWorkingDay(local.toLocalDate()) && properties.officeHours().contains(local.toLocalTime());
  }

  /** The Vietnamese name of the day off on {@code date} ("Tết Nguyên đán"), for messages; empty otherwise. */
  public Optional<String> holidayName(LocalDate date) {
    return holidays.entry(date).filter(e -> e.kind() == CalendarEntry.Kind.HOLIDAY).map(CalendarEntry::name);
  }

  /** The end of office hours of {@code date} in Vietnam: the moment a deadline on that day falls due. */
  public Instant endOfOfficeHours(LocalDate date) {
    return date.atTime(properties.officeHours().afternoonEnd()).atZone(VietnamTime.ZONE).toInstant();
  }

  /** The calendar date of an instant in Vietnam. */
  public static LocalDate dateOf(Instant instant) {
    return LocalDate.ofInstant(instant, VietnamTime.ZONE);
  }

  private static void requireNotNegative(int n) {
    if (n < 0) {
      throw new IllegalArgumentException("The number of days must not be negative, got " + n);
    }
  }
}
