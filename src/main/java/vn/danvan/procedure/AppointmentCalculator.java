package vn.danvan.procedure;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import org.springframework.stereotype.Component;
import vn.danvan.calendar.CalendarProperties;
import vn.danvan.calendar.CalendarProperties.OfficeHours;
import vn.danvan.calendar.VietnamTime;
import vn.danvan.calendar.WorkCalendar;

/**
 * The appointment date-time written on the receipt slip (Circular 03/2025 Form 01): when the result
 * of a complete dossier is due, from its procedure's deadline and the moment it was received.
 *
 * <p>First the moment the dossier counts as accepted ({@link #acceptedAt}): a dossier received
 * outside office hours, on a rest day or a holiday counts from the next opening of the office
 * (07:30, or 13:00 after the lunch break); an online filing in the last hour of office hours
 * (16:00–17:00) counts from the next working day's opening (Decree 297/2025 Art. 6, unconfirmed,
 * setting {@code danvan.procedure.online-last-hour-counts-next-day}). Then by deadline type:
 *
 * <ul>
 *   <li>{@code SAME_DAY}: {@link WorkCalendar#sameDayDue} (after 15:00 the next working day);
 *   <li>{@code WORKING_DAYS} n: {@link WorkCalendar#plusWorkingDays}, i.e. 17:00 of the n-th
 *       working day after the acceptance day;
 *   <li>{@code HALF_DAY} n: a working day has two sessions (07:30–11:30, 13:00–17:00) and ½ working
 *       day is one session. Like a period in days starts the day after the event (Civil Code Art.
 *       147), a period in half days starts with the session after the receipt and ends at the end of
 *       its n-th session: received in the morning, due at 17:00 that day; received in the
 *       afternoon, due at 11:30 of the next working day. Counting 4 working hours instead would give
 *       a receipt at 11:00 only until 14:30 and tie the result to the minute of the receipt, which
 *       no one-stop counter writes on a slip.
 * </ul>
 */
@Component
public class AppointmentCalculator {

  private static final Duration LAST_HOUR = Duration.ofHours(1);

  private final WorkCalendar calendar;
  private final OfficeHours hours;
  private final boolean onlineLastHourCountsNextDay;

  public AppointmentCalculator(WorkCalendar calendar, CalendarProperties calendarProperties,
      ProcedureProperties procedureProperties) {
    this.calendar = calendar;
    this.hours = calendarProperties.officeHours();
    this.onlineLastHourCountsNextDay = procedureProperties.onlineLastHourCountsNextDay();
  }

  /** The appointment for a complete dossier of {@code procedure} received at {@code receivedAt}. */
  public Instant appointment(Procedure procedure, Instant receivedAt, Channel channel) {
    return due(procedure.deadline(), acceptedAt(receivedAt, channel));
  }

  /**
   * When a deadline counted from {@code accepted} (a moment in office hours, see {@link #acceptedAt})
   * runs out, by the rules above. The case clock ({@link vn.danvan.sla.CaseClock}) counts its
   * same-day, half-day and working-day terms with this, so a receipt and a clock never disagree.
   */
  public Instant due(Deadline deadline, Instant accepted) {
    return switch (deadline.type()) {
      case SAME_DAY -> calendar.sameDayDue(accepted);
      case WORKING_DAYS -> calendar.plusWorkingDays(accepted, deadline.amount());
      case HALF_DAY -> endOfHalfDays(accepted, deadline.amount());
    };
  }

  /**
   * The moment a dossier received at {@code receivedAt} through {@code channel} counts as accepted:
   * {@code receivedAt} itself during office hours, otherwise the next opening of the office. Its
   * date is the acceptance date that selects the catalogue's rule.
   */
  public Instant acceptedAt(Instant receivedAt, Channel channel) {
    ZonedDateTime local = receivedAt.atZone(VietnamTime.ZONE);
    LocalDate day = local.toLocalDate();
    LocalTime time = local.toLocalTime();
    if (!calendar.isWorkingDay(day) || !time.isBefore(hours.afternoonEnd()) || isOnlineInLastHour(channel, time)) {
      return at(calendar.nextWorkingDay(day), hours.morningStart());
    }
    if (time.isBefore(hours.morningStart())) {
      return at(day, hours.morningStart());
    }
    if (!time.isBefore(hours.morningEnd()) && time.isBefore(hours.afternoonStart())) {
      return at(day, hours.afternoonStart());
    }
    return receivedAt;
  }

  private boolean isOnlineInLastHour(Channel channel, LocalTime time) {
    return onlineLastHourCountsNextDay && channel == Channel.ONLINE
        && !time.isBefore(hours.afternoonEnd().minus(LAST_HOUR));
  }

  /** End of the n-th session after the session of {@code accepted} (which lies in office hours). */
  private Instant endOfHalfDays(Instant accepted, int sessions) {
    ZonedDateTime local = accepted.atZone(VietnamTime.ZONE);
    LocalDate day = local.toLocalDate();
    boolean morning = local.toLocalTime().isBefore(hours.morningEnd());
    for (int i = 0; i < sessions; i++) {
      if (morning) {
        morning = false;
      } else {
        day = calendar.nextWorkingDay(day);
        morning = true;
      }
    }
    return morning ? at(day, hours.morningEnd()) : calendar.endOfOfficeHours(day);
  }

  private static Instant at(LocalDate day, LocalTime time) {
    return day.atTime(time).atZone(VietnamTime.ZONE).toInstant();
  }
}
