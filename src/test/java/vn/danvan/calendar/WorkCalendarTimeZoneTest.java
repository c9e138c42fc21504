package vn.danvan.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.danvan.calendar.WorkCalendarTest.vn;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Date;
import java.util.TimeZone;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The machine's default zone must never change a deadline: every computation uses Vietnam time. */
class WorkCalendarTimeZoneTest {

  private TimeZone original;

  @BeforeEach
  void rememberDefaultZone() {
    original = TimeZone.getDefault();
  }

  @AfterEach
  void restoreDefaultZone() {
    TimeZone.setDefault(original);
  }

  @ParameterizedTest
  @ValueSource(strings = {"UTC", "America/New_York", "Pacific/Kiritimati", "Asia/Ho_Chi_Minh"})
  void resultsDoNotDependOnJvmDefaultZone(String zone) {
    TimeZone.setDefault(TimeZone.getTimeZone(zone));
    var calendar = new WorkCalendar(new HolidayLoader().load(null), CalendarProperties.defaults());

    // 06:30 in Vietnam is still the previous day in UTC and New York.
    assertThat(calendar.plusWorkingDays(vn("2026-02-13T06:30"), 1)).isEqualTo(vn("2026-02-23T17:00"));
    assertThat(calendar.plusWorkingDays(vn("2026-02-23T06:30"), 1)).isEqualTo(vn("2026-02-24T17:00"));
    assertThat(calendar.sameDayDue(vn("2026-04-23T16:10"))).isEqualTo(vn("2026-04-24T17:00"));
    assertThat(calendar.sameDayDue(vn("2026-04-24T06:00"))).isEqualTo(vn("2026-04-24T17:00"));
    assertThat(calendar.plusCalendarDays(vn("2026-02-06T10:00"), 10)).isEqualTo(vn("2026-02-23T17:00"));
    assertThat(calendar.workingDaysBetween(vn("2026-02-13T06:00"), vn("2026-02-25T06:00"))).isEqualTo(3);
    assertThat(calendar.isOfficeHours(vn("2026-03-10T08:00"))).isTrue();
    assertThat(WorkCalendar.dateOf(vn("2026-03-10T00:30"))).isEqualTo(LocalDate.of(2026, 3, 10));

    var expressions = new CalendarExpressions(calendar);
    Date due = expressions.plusWorkingDays(Date.from(vn("2026-02-13T06:30")), 1);
    assertThat(due.toInstant()).isEqualTo(vn("2026-02-23T17:00"));
    assertThat(expressions.plusWorkingDays("2026-02-13T06:30", 1).toInstant()).isEqualTo(vn("2026-02-23T17:00"));
    assertThat(expressions.isWorkingDay(Date.from(Instant.parse("2026-02-22T23:30:00Z")))).isTrue(); // Mon 23/2 06:30 in Vietnam
  }
}
