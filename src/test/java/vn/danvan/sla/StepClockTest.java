package vn.danvan.sla;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.OffsetDateTime;
import org.junit.jupiter.api.Test;
import vn.danvan.calendar.BundledCalendar;
import vn.danvan.calendar.CalendarProperties;
import vn.danvan.procedure.WorkingTime;

/** Office-time arithmetic of step budgets and the apology deadline, on the bundled 2026 holidays. */
class StepClockTest {

  final StepClock clock = new StepClock(BundledCalendar.workCalendar(), CalendarProperties.defaults());

  @Test
  void hoursLeftAtTheEndOfTheDayCarryOverToTheNextMorning() {
    // Wed 25/11/2026 16:00 + 4 h: 1 h today, 3 h from 07:30 Thu → 10:30
    assertThat(clock.plusWorkingHours(at("2026-11-25T16:00"), 4)).isEqualTo(at("2026-11-26T10:30"));
  }

  @Test
  void lunchBreakDoesNotCount() {
    // Wed 11:00 + 2 h: 30 min before lunch, 1 h 30 from 13:00 → 14:30
    assertThat(clock.plusWorkingHours(at("2026-11-25T11:00"), 2)).isEqualTo(at("2026-11-25T14:30"));
  }

  @Test
  void weekendsAndHolidaysDoNotCount() {
    // Fri 13/2/2026 16:00 + 2 h: 1 h on Friday, Tết 16–20/2 and the weekends skipped → Mon 23/2 08:30
    assertThat(clock.plusWorkingHours(at("2026-02-13T16:00"), 2)).isEqualTo(at("2026-02-23T08:30"));
  }

  @Test
  void budgetReceivedOutsideOfficeHoursStartsAtTheNextOpening() {
    assertThat(clock.plusWorkingHours(at("2026-11-28T09:00"), 1)).isEqualTo(at("2026-11-30T08:30"));
  }

  @Test
  void stepIsNeverDueAfterTheAppointment() {
    Instant appointment = at("2026-11-25T17:00");
    assertThat(clock.stepDue(at("2026-11-25T14:00"), new WorkingTime(4, WorkingTime.Unit.WORKING_HOURS), appointment))
        .isEqualTo(appointment);
    assertThat(clock.stepDue(at("2026-11-25T08:00"), new WorkingTime(2, WorkingTime.Unit.WORKING_HOURS), appointment))
        .isEqualTo(at("2026-11-25T10:00"));
  }

  @Test
  void stepBudgetInWorkingDaysUsesTheCalendar() {
    assertThat(clock.stepDue(at("2026-11-23T09:00"), new WorkingTime(1, WorkingTime.Unit.WORKING_DAYS), null))
        .isEqualTo(at("2026-11-25T17:00")); // 24/11 is Vietnamese Culture Day
  }

  @Test
  void apologyIsDueAtTheOpeningOfTheLastWorkingDayBeforeTheAppointmentOnLongerDeadlines() {
    // accepted Thu 19/11, appointment Wed 25/11: the last working day before is Mon 23/11 (24/11 holiday)
    assertThat(clock.apologyDue(at("2026-11-19T09:00"), at("2026-11-25T17:00"), 0.25)).isEqualTo(at("2026-11-23T07:30"));
    // across Tết: appointment Mon 23/2, the last working day before is Fri 13/2
    assertThat(clock.apologyDue(at("2026-02-10T09:00"), at("2026-02-23T17:00"), 0.25)).isEqualTo(at("2026-02-13T07:30"));
    // two working days: accepted Wed 25/11 09:00, appointment Fri 27/11 → Thu 26/11 07:30, after the acceptance
    assertThat(clock.apologyDue(at("2026-11-25T09:00"), at("2026-11-27T17:00"), 0.25)).isEqualTo(at("2026-11-26T07:30"));
  }

  @Test
  void apologyOnAShortDeadlineLeavesTheLastShareOfOfficeTimeAndIsNeverDueAtOnce() {
    // same day: 09:00–11:30 + 13:00–17:00 = 390 min, a quarter (98 min) before 17:00 → 15:22
    assertThat(clock.apologyDue(at("2026-11-25T09:00"), at("2026-11-25T17:00"), 0.25)).isEqualTo(at("2026-11-25T15:22"));
    // one working day: Wed 09:00 → Thu 17:00 = 390 + 480 = 870 min; 218 min before 17:00 → Thu 13:22
    assertThat(clock.apologyDue(at("2026-11-25T09:00"), at("2026-11-26T17:00"), 0.25)).isEqualTo(at("2026-11-26T13:22"));
    // half of it: 435 min before Thu 17:00 → 240 min back to 13:00, 195 more from 11:30 → 08:15
    assertThat(clock.apologyDue(at("2026-11-25T09:00"), at("2026-11-26T17:00"), 0.5)).isEqualTo(at("2026-11-26T08:15"));
    // a Friday afternoon half-day ends Monday 11:30: the weekend does not count
    assertThat(clock.apologyDue(at("2026-11-27T14:00"), at("2026-11-30T11:30"), 0.25)).isEqualTo(at("2026-11-30T09:45"));
  }

  @Test
  void officeMinutesSkipLunchNightsAndRestDays() {
    assertThat(clock.workingMinutesBetween(at("2026-11-27T14:00"), at("2026-11-30T11:30"))).isEqualTo(420);
    assertThat(clock.minusWorkingMinutes(at("2026-11-30T08:00"), 60)).isEqualTo(at("2026-11-27T16:30"));
  }

  private static Instant at(String localDateTime) {
    return OffsetDateTime.parse(localDateTime + ":00+07:00").toInstant();
  }
}
