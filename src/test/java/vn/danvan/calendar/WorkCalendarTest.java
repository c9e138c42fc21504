package vn.danvan.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The worked examples of docs/legal-rules.md §1 against the bundled holiday files. */
class WorkCalendarTest {

  static WorkCalendar calendar;

  @BeforeAll
  static void loadBundledFiles() {
    calendar = new WorkCalendar(new HolidayLoader().load(null), CalendarProperties.defaults());
  }

  /** A local date-time in Vietnam, e.g. "2026-02-13T10:00". */
  static Instant vn(String localDateTime) {
    return LocalDateTime.parse(localDateTime).atZone(VietnamTime.ZONE).toInstant();
  }

  static LocalDate day(String date) {
    return LocalDate.parse(date);
  }

  // --- isWorkingDay

  @Test
  void weekdaysAreWorkingDaysAndWeekendsAreNot() {
    assertThat(calendar.isWorkingDay(day("2026-03-09"))).isTrue(); // Monday
    assertThat(calendar.isWorkingDay(day("2026-03-13"))).isTrue(); // Friday
    assertThat(calendar.isWorkingDay(day("2026-03-14"))).isFalse(); // Saturday
    assertThat(calendar.isWorkingDay(day("2026-03-15"))).isFalse(); // Sunday
  }

  @Test
  void tet2026WeekdaysAreDaysOff() {
    for (LocalDate d = day("2026-02-16"); !d.isAfter(day("2026-02-20")); d = d.plusDays(1)) {
      assertThat(calendar.isWorkingDay(d)).as(d.toString()).isFalse();
    }
    assertThat(calendar.isWorkingDay(day("2026-02-13"))).isTrue();
    assertThat(calendar.isWorkingDay(day("2026-02-23"))).isTrue();
  }

  @Test
  void swappedWorkingSaturday26April2025CountsAsWorkingDay() {
    assertThat(calendar.isWorkingDay(day("2025-04-26"))).isTrue();
    assertThat(calendar.isWorkingDay(day("2025-05-02"))).isFalse();
    assertThat(calendar.isWorkingDay(day("2025-04-19"))).isFalse(); // an ordinary Saturday
  }

  @Test
  void swappedWorkingSaturdayIsCountedInWorkingDayPeriods() {
    // Fri 25/4/2025 + 1 -> Sat 26/4 (worked); + 2 -> Mon 28/4; + 3 -> Tue 29/4; + 4 -> Mon 5/5 (30/4, 1/5, 2/5 off)
    assertThat(calendar.plusWorkingDays(vn("2025-04-25T09:00"), 1)).isEqualTo(vn("2025-04-26T17:00"));
    assertThat(calendar.plusWorkingDays(vn("2025-04-25T09:00"), 2)).isEqualTo(vn("2025-04-28T17:00"));
    assertThat(calendar.plusWorkingDays(vn("2025-04-25T09:00"), 4)).isEqualTo(vn("2025-05-05T17:00"));
  }

  @Test
  void compensationDaysAreDaysOff() {
    assertThat(calendar.isWorkingDay(day("2026-04-27"))).isFalse(); // Hùng Kings on Sunday 26/4/2026
    assertThat(calendar.isWorkingDay(day("2027-05-03"))).isFalse(); // Labour Day on Saturday 1/5/2027
  }

  @Test
  void vietnameseCultureDay24November2026IsOff() {
    assertThat(calendar.isWorkingDay(day("2026-11-24"))).isFalse();
    assertThat(calendar.holidayName(day("2026-11-24"))).contains("Ngày Văn hoá Việt Nam");
  }

  @Test
  void yearWithoutHolidayFileCountsWeekendsOnly() {
    assertThat(calendar.isWorkingDay(day("2030-01-01"))).isTrue(); // Tuesday, 1/1 not known without a file
    assertThat(calendar.isWorkingDay(day("2030-01-05"))).isFalse(); // Saturday
    assertThat(calendar.plusWorkingDays(vn("2030-01-04T10:00"), 1)).isEqualTo(vn("2030-01-07T17:00"));
  }

  // --- plusWorkingDays

  @Test
  void oneWorkingDayAfterFridayBeforeTet2026IsMondayAfterTheBreak() {
    assertThat(calendar.plusWorkingDays(vn("2026-02-13T10:00"), 1)).isEqualTo(vn("2026-02-23T17:00"));
  }

  @Test
  void twoWorkingDaysOverReunificationAndLabourDay2026EndOnTuesday() {
    assertThat(calendar.plusWorkingDays(vn("2026-04-29T09:00"), 2)).isEqualTo(vn("2026-05-05T17:00"));
  }

  @Test
  void nationalDay2026IsTuesdayAndWednesdaySoMonday31AugustIsStillWorked() {
    // 1/9/2026 is a Tuesday and 2/9 a Wednesday; Monday 31/8 off is unconfirmed and not in the file.
    assertThat(calendar.plusWorkingDays(vn("2026-08-28T10:00"), 1)).isEqualTo(vn("2026-08-31T17:00"));
    assertThat(calendar.plusWorkingDays(vn("2026-08-28T10:00"), 2)).isEqualTo(vn("2026-09-03T17:00"));
    assertThat(calendar.plusWorkingDays(vn("2026-08-31T10:00"), 1)).isEqualTo(vn("2026-09-03T17:00"));
  }

  @Test
  void oneWorkingDayAfterMondayBeforeCultureDayIsWednesday() {
    assertThat(calendar.plusWorkingDays(vn("2026-11-23T10:00"), 1)).isEqualTo(vn("2026-11-25T17:00"));
  }

  @Test
  void periodStartsTheDayAfterWhateverTheTimeOfDay() {
    assertThat(calendar.plusWorkingDays(vn("2026-03-10T00:00"), 1)).isEqualTo(vn("2026-03-11T17:00"));
    assertThat(calendar.plusWorkingDays(vn("2026-03-10T23:59"), 1)).isEqualTo(vn("2026-03-11T17:00"));
  }

  @Test
  void periodStartedOnWeekendCountsFromMonday() {
    assertThat(calendar.plusWorkingDays(vn("2026-03-14T10:00"), 1)).isEqualTo(vn("2026-03-16T17:00"));
    assertThat(calendar.plusWorkingDays(vn("2026-03-14T10:00"), 5)).isEqualTo(vn("2026-03-20T17:00"));
  }

  @Test
  void eightWorkingDaysLandTransferAcrossNewYear2026() {
    // From Wed 31/12/2025: 1/1, 2/1 off; working days 5,6,7,8,9,12,13,14/1.
    assertThat(calendar.plusWorkingDays(vn("2025-12-31T10:00"), 8)).isEqualTo(vn("2026-01-14T17:00"));
  }

  @Test
  void zeroWorkingDaysIsEndOfThatDayOrOfTheNextWorkingDay() {
    assertThat(calendar.plusWorkingDays(vn("2026-03-10T08:00"), 0)).isEqualTo(vn("2026-03-10T17:00"));
    assertThat(calendar.plusWorkingDays(vn("2026-02-17T08:00"), 0)).isEqualTo(vn("2026-02-23T17:00"));
    assertThat(calendar.plusWorkingDays(vn("2026-03-14T08:00"), 0)).isEqualTo(vn("2026-03-16T17:00"));
  }

  @Test
  void negativeWorkingDaysAreRefused() {
    assertThatThrownBy(() -> calendar.plusWorkingDays(vn("2026-03-10T08:00"), -1))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("-1");
  }

  // --- sameDayDue

  @Test
  void sameDayProcedureReceivedBeforeCutoffIsDueThatEvening() {
    assertThat(calendar.sameDayDue(vn("2026-04-23T09:15"))).isEqualTo(vn("2026-04-23T17:00"));
    assertThat(calendar.sameDayDue(vn("2026-04-23T14:59"))).isEqualTo(vn("2026-04-23T17:00"));
  }

  @Test
  void sameDayProcedureReceivedAtExactly1500IsStillSameDay() {
    assertThat(calendar.sameDayDue(vn("2026-04-23T15:00"))).isEqualTo(vn("2026-04-23T17:00"));
  }

  @Test
  void sameDayProcedureReceivedAfterCutoffIsDueNextWorkingDay() {
    assertThat(calendar.sameDayDue(vn("2026-04-23T16:10"))).isEqualTo(vn("2026-04-24T17:00"));
    assertThat(calendar.sameDayDue(vn("2026-04-23T15:00:01"))).isEqualTo(vn("2026-04-24T17:00"));
  }

  @Test
  void sameDayProcedureReceivedFridayAfterCutoffBeforeHolidaysIsDueAfterThem() {
    // Fri 24/4/2026 16:00 -> Mon 27/4 off (compensation) -> Tue 28/4.
    assertThat(calendar.sameDayDue(vn("2026-04-24T16:00"))).isEqualTo(vn("2026-04-28T17:00"));
  }

  @Test
  void sameDayProcedureReceivedOnRestDayIsDueNextWorkingDay() {
    assertThat(calendar.sameDayDue(vn("2026-03-14T09:00"))).isEqualTo(vn("2026-03-16T17:00"));
    assertThat(calendar.sameDayDue(vn("2026-02-18T09:00"))).isEqualTo(vn("2026-02-23T17:00"));
  }

  @Test
  void sameDayCutoffAndOfficeHoursAreConfigurable() {
    var hours = new CalendarProperties.OfficeHours(LocalTime.of(8, 0), LocalTime.of(12, 0), LocalTime.of(13, 30), LocalTime.of(17, 30));
    var custom = new WorkCalendar(new HolidayLoader().load(null), new CalendarProperties(null, hours, LocalTime.of(16, 0)));
    assertThat(custom.sameDayDue(vn("2026-04-23T15:30"))).isEqualTo(vn("2026-04-23T17:30"));
    assertThat(custom.sameDayDue(vn("2026-04-23T16:10"))).isEqualTo(vn("2026-04-24T17:30"));
  }

  // --- plusCalendarDays

  @Test
  void calendarDaysEndingOnTetHolidayRollOverToNextWorkingDay() {
    // 6/2/2026 + 10 = Mon 16/2, off until Fri 20/2, weekend -> Mon 23/2.
    assertThat(calendar.plusCalendarDays(vn("2026-02-06T10:00"), 10)).isEqualTo(vn("2026-02-23T17:00"));
  }

  @Test
  void calendarDaysEndingOnWorkingDayEndThatDay() {
    assertThat(calendar.plusCalendarDays(vn("2026-03-02T10:00"), 10)).isEqualTo(vn("2026-03-12T17:00"));
  }

  @Test
  void calendarDaysEndingOnSundayRollOverToMonday() {
    assertThat(calendar.plusCalendarDays(vn("2026-03-05T10:00"), 10)).isEqualTo(vn("2026-03-16T17:00"));
  }

  @Test
  void calendarDaysCountHolidaysInsideThePeriod() {
    // 30 days from 1/2/2026 (Sunday) = Tue 3/3; Tết inside the period does not extend it.
    assertThat(calendar.plusCalendarDays(vn("2026-02-01T10:00"), 30)).isEqualTo(vn("2026-03-03T17:00"));
  }

  @Test
  void negativeCalendarDaysAreRefused() {
    assertThatThrownBy(() -> calendar.plusCalendarDays(vn("2026-03-10T08:00"), -5)).isInstanceOf(IllegalArgumentException.class);
  }

  // --- workingDaysBetween

  @Test
  void workingDaysBetweenAcrossTet2026SkipsTheBreak() {
    // After Fri 13/2 up to Wed 25/2: 23, 24, 25 Feb.
    assertThat(calendar.workingDaysBetween(vn("2026-02-13T10:00"), vn("2026-02-25T08:00"))).isEqualTo(3);
    assertThat(calendar.workingDaysBetween(vn("2026-02-13T10:00"), vn("2026-02-22T23:00"))).isZero();
  }

  @Test
  void workingDaysBetweenIsZeroForSameDayOrEarlierEnd() {
    assertThat(calendar.workingDaysBetween(vn("2026-03-10T08:00"), vn("2026-03-10T16:00"))).isZero();
    assertThat(calendar.workingDaysBetween(vn("2026-03-10T08:00"), vn("2026-03-02T16:00"))).isZero();
  }

  @Test
  void workingDaysBetweenIsTheInverseOfPlusWorkingDays() {
    Instant from = vn("2026-04-29T09:00");
    for (int n = 1; n <= 30; n++) {
      assertThat(calendar.workingDaysBetween(from, calendar.plusWorkingDays(from, n))).isEqualTo(n);
    }
  }

  // --- office hours, next working day, names

  @Test
  void officeHoursAreMorningAndAfternoonSessionsOfWorkingDays() {
    assertThat(calendar.isOfficeHours(vn("2026-03-10T07:30"))).isTrue();
    assertThat(calendar.isOfficeHours(vn("2026-03-10T11:29"))).isTrue();
    assertThat(calendar.isOfficeHours(vn("2026-03-10T11:30"))).isFalse();
    assertThat(calendar.isOfficeHours(vn("2026-03-10T12:15"))).isFalse();
    assertThat(calendar.isOfficeHours(vn("2026-03-10T13:00"))).isTrue();
    assertThat(calendar.isOfficeHours(vn("2026-03-10T17:00"))).isFalse();
    assertThat(calendar.isOfficeHours(vn("2026-03-10T07:29"))).isFalse();
    assertThat(calendar.isOfficeHours(vn("2026-02-17T09:00"))).isFalse(); // Tết
    assertThat(calendar.isOfficeHours(vn("2025-04-26T09:00"))).isTrue(); // worked Saturday
  }

  @Test
  void nextWorkingDayIsStrictlyAfter() {
    assertThat(calendar.nextWorkingDay(day("2026-03-10"))).isEqualTo(day("2026-03-11"));
    assertThat(calendar.nextWorkingDay(day("2026-02-13"))).isEqualTo(day("2026-02-23"));
    assertThat(calendar.nextWorkingDay(day("2025-04-25"))).isEqualTo(day("2025-04-26"));
  }

  @Test
  void holidayNamesAreVietnamese() {
    assertThat(calendar.holidayName(day("2026-02-17"))).contains("Tết Nguyên đán");
    assertThat(calendar.holidayName(day("2025-04-07"))).contains("Giỗ Tổ Hùng Vương");
    assertThat(calendar.holidayName(day("2026-04-30"))).contains("Ngày Giải phóng miền Nam");
    assertThat(calendar.holidayName(day("2026-05-01"))).contains("Quốc tế Lao động");
    assertThat(calendar.holidayName(day("2026-09-02"))).contains("Quốc khánh");
    assertThat(calendar.holidayName(day("2027-01-01"))).contains("Tết Dương lịch");
    assertThat(calendar.holidayName(day("2026-03-10"))).isEmpty();
    assertThat(calendar.holidayName(day("2025-04-26"))).isEmpty(); // a worked Saturday is no holiday
  }
}
