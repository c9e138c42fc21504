package vn.danvan.sla;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.OffsetDateTime;
import org.junit.jupiter.api.Test;
import vn.danvan.calendar.BundledCalendar;
import vn.danvan.calendar.CalendarProperties;
import vn.danvan.calendar.WorkCalendar;
import vn.danvan.procedure.AppointmentCalculator;
import vn.danvan.procedure.ProcedureProperties;

/**
 * The case clock's arithmetic on the bundled calendar (2026: Tết 16–20/2, 1/9 and 2/9, 24/11;
 * weekends) and office hours 07:30–11:30, 13:00–17:00 (480 working minutes a day). Every expected
 * date is computed by hand in a comment. The rules are test values shaped like the rulebook's
 * (one-stop supplement, complaint suspension, denunciation extensions), not the production data.
 */
class ClockArithmeticTest {

  static final WorkCalendar CALENDAR = BundledCalendar.workCalendar();
  static final CaseRef CASE = new CaseRef("TEST-1", "testProcess", "dongha");

  final ClockArithmetic clock = arithmetic();

  static ClockArithmetic arithmetic() {
    CalendarProperties properties = CalendarProperties.defaults();
    return new ClockArithmetic(CALENDAR, new StepClock(CALENDAR, properties),
        new AppointmentCalculator(CALENDAR, properties, new ProcedureProperties(true)));
  }

  static ClockRule rule(int amount, TermUnit unit, ResumeMode mode, int maxExtensions) {
    return new ClockRule("2026-01-01", new Term(amount, unit), mode, maxExtensions);
  }

  // ------------------------------------------------------------ deadlines per unit

  @Test
  void workingDaysSkipTet() {
    // Tue 10/2/2026 09:00 + 5 working days: Wed 11, Thu 12, Fri 13, (Tết 16–20, weekend) Mon 23, Tue 24
    assertThat(clock.deadline(new Term(5, TermUnit.WORKING_DAYS), at("2026-02-10T09:00"))).isEqualTo(at("2026-02-24T17:00"));
  }

  @Test
  void sameDayAndHalfDayAreTheReceiptSlips() {
    // same day: before 15:00 → 17:00 that day; after → 17:00 of the next working day (Fri 13/2 → Mon 23/2)
    assertThat(clock.deadline(new Term(0, TermUnit.SAME_DAY), at("2026-11-25T09:00"))).isEqualTo(at("2026-11-25T17:00"));
    assertThat(clock.deadline(new Term(0, TermUnit.SAME_DAY), at("2026-02-13T15:30"))).isEqualTo(at("2026-02-23T17:00"));
    // half a day from Wed 25/11 14:00: the next session ends Thu 26/11 11:30
    assertThat(clock.deadline(new Term(1, TermUnit.HALF_DAYS), at("2026-11-25T14:00"))).isEqualTo(at("2026-11-26T11:30"));
  }

  @Test
  void workingHoursAreOfficeTime() {
    // Fri 13/2/2026 16:00 + 4 h: 1 h on Friday, 3 h from Mon 23/2 07:30 → 10:30
    assertThat(clock.deadline(new Term(4, TermUnit.WORKING_HOURS), at("2026-02-13T16:00"))).isEqualTo(at("2026-02-23T10:30"));
  }

  @Test
  void calendarDaysRollOverARestDayOrHoliday() {
    // Fri 3/7/2026 + 30 days = Sun 2/8 → Mon 3/8 17:00
    assertThat(clock.deadline(new Term(30, TermUnit.CALENDAR_DAYS), at("2026-07-03T09:00"))).isEqualTo(at("2026-08-03T17:00"));
    // Mon 3/8 + 30 = Wed 2/9, National Day → Thu 3/9 17:00
    assertThat(clock.deadline(new Term(30, TermUnit.CALENDAR_DAYS), at("2026-08-03T17:00"))).isEqualTo(at("2026-09-03T17:00"));
  }

  // ------------------------------------------------------------ pause and resume

  @Test
  void restartCountsTheWholeTermAgainFromTheResumption() {
    CaseClockState started = clock.start(CASE, rule(5, TermUnit.WORKING_DAYS, ResumeMode.RESTART, 1), at("2026-02-10T09:00"));
    assertThat(started.deadlineAt()).isEqualTo(at("2026-02-24T17:00"));
    CaseClockState paused = clock.pause(started, at("2026-02-12T10:00"));
    assertThat(paused.state()).isEqualTo(ClockState.PAUSED);
    assertThat(paused.remaining()).as("nothing carries over on a restart").isNull();
    // resumed Mon 23/2 10:00 from zero: Tue 24, Wed 25, Thu 26, Fri 27/2, Mon 2/3 → Mon 2/3 17:00
    CaseClockState resumed = clock.resume(paused, at("2026-02-23T10:00"));
    assertThat(resumed.deadlineAt()).isEqualTo(at("2026-03-02T17:00"));
    assertThat(resumed.startedAt()).isEqualTo(at("2026-02-23T10:00"));
    assertThat(resumed.state()).isEqualTo(ClockState.RUNNING);
  }

  @Test
  void continueCarriesTheWorkingTimeLeftOnAfterThePause() {
    CaseClockState started = clock.start(CASE, rule(5, TermUnit.WORKING_DAYS, ResumeMode.CONTINUE, 0), at("2026-02-10T09:00"));
    // paused Thu 12/2 10:00, deadline Tue 24/2 17:00: Thu 90 + 240, Fri 480, Mon 23 480, Tue 24 480 = 1770 min
    CaseClockState paused = clock.pause(started, at("2026-02-12T10:00"));
    assertThat(paused.remaining()).isEqualTo(1770L);
    // resumed Mon 23/2 10:00: Mon 330 (1440 left), Tue 480 (960), Wed 480 (480), Thu 26/2 480 → 17:00
    CaseClockState resumed = clock.resume(paused, at("2026-02-23T10:00"));
    assertThat(resumed.deadlineAt()).isEqualTo(at("2026-02-26T17:00"));
    assertThat(resumed.startedAt()).as("the case still counts from its start").isEqualTo(at("2026-02-10T09:00"));
  }

  @Test
  void aPauseOverTetCostsOnlyTheOfficeTimeItCovered() {
    CaseClockState started = clock.start(CASE, rule(5, TermUnit.WORKING_DAYS, ResumeMode.CONTINUE, 0), at("2026-02-10T09:00"));
    // paused Fri 13/2 16:00 (60 + 480 + 480 = 1020 min left), resumed at the first opening after Tết,
    // Mon 23/2 07:30: Mon 480 (540), Tue 480 (60), Wed 25/2 07:30 + 60 → 08:30: one hour later than before
    CaseClockState resumed = clock.resume(clock.pause(started, at("2026-02-13T16:00")), at("2026-02-23T07:30"));
    assertThat(resumed.deadlineAt()).isEqualTo(at("2026-02-25T08:30"));
  }

  @Test
  void continueOnCalendarDaysKeepsTheDaysLeft() {
    // complaint-like: 30 days from Mon 2/11/2026 → Wed 2/12 17:00
    CaseClockState started = clock.start(CASE, rule(30, TermUnit.CALENDAR_DAYS, ResumeMode.CONTINUE, 1), at("2026-11-02T09:00"));
    assertThat(started.deadlineAt()).isEqualTo(at("2026-12-02T17:00"));
    // suspended Tue 10/11: 22 days left (10/11 → 2/12)
    CaseClockState paused = clock.pause(started, at("2026-11-10T14:00"));
    assertThat(paused.remaining()).isEqualTo(22L);
    // resumed Fri 20/11: + 22 = Sat 12/12 → Mon 14/12 17:00
    assertThat(clock.resume(paused, at("2026-11-20T08:00")).deadlineAt()).isEqualTo(at("2026-12-14T17:00"));
  }

  @Test
  void onlyARunningClockPausesAndOnlyAPausedOneResumes() {
    CaseClockState started = clock.start(CASE, rule(5, TermUnit.WORKING_DAYS, ResumeMode.RESTART, 1), at("2026-02-10T09:00"));
    assertThatThrownBy(() -> clock.resume(started, at("2026-02-11T09:00"))).isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("RUNNING");
    CaseClockState paused = clock.pause(started, at("2026-02-11T09:00"));
    assertThatThrownBy(() -> clock.pause(paused, at("2026-02-11T10:00"))).isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> clock.extend(paused, Extension.to(at("2026-03-31T17:00"), null, "Phức tạp", "x")))
        .isInstanceOf(IllegalStateException.class);
    CaseClockState stopped = clock.stop(paused);
    assertThatThrownBy(() -> clock.resume(stopped, at("2026-02-12T09:00"))).isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> clock.stop(stopped)).isInstanceOf(IllegalStateException.class);
  }

  // ------------------------------------------------------------ extensions

  @Test
  void extensionsUpToTheRulesLimitThenRefused() {
    // denunciation-like: 30 days, very complex: two 30-day extensions
    CaseClockState clockState = clock.start(CASE, rule(30, TermUnit.CALENDAR_DAYS, ResumeMode.CONTINUE, 2), at("2026-07-03T09:00"));
    assertThat(clockState.deadlineAt()).isEqualTo(at("2026-08-03T17:00"));
    Term thirtyDays = new Term(30, TermUnit.CALENDAR_DAYS);
    // first: Mon 3/8 + 30 = Wed 2/9 (National Day) → Thu 3/9 17:00
    clockState = clock.extend(clockState, Extension.by(thirtyDays, "QĐ 12/QĐ-UBND", "Vụ việc phức tạp", "chairman"));
    assertThat(clockState.deadlineAt()).isEqualTo(at("2026-09-03T17:00"));
    assertThat(clockState.extensionsUsed()).isEqualTo(1);
    // second: Thu 3/9 + 30 = Sat 3/10 → Mon 5/10 17:00
    clockState = clock.extend(clockState, Extension.by(thirtyDays, "QĐ 15/QĐ-UBND", "Vụ việc đặc biệt phức tạp", "chairman"));
    assertThat(clockState.deadlineAt()).isEqualTo(at("2026-10-05T17:00"));
    assertThat(clockState.extensionsLeft()).isZero();
    CaseClockState exhausted = clockState;
    assertThatThrownBy(() -> clock.extend(exhausted, Extension.by(thirtyDays, "QĐ 20/QĐ-UBND", "Lần ba", "chairman")))
        .isInstanceOf(ExtensionRefusedException.class)
        .satisfies(e -> assertThat(((ExtensionRefusedException) e).maxExtensions()).isEqualTo(2));
  }

  @Test
  void aRuleWithoutExtensionsRefusesTheFirst() {
    CaseClockState started = clock.start(CASE, rule(5, TermUnit.WORKING_DAYS, ResumeMode.CONTINUE, 0), at("2026-02-10T09:00"));
    assertThatThrownBy(() -> clock.extend(started, Extension.to(at("2026-03-31T17:00"), null, "Phức tạp", "x")))
        .isInstanceOf(ExtensionRefusedException.class);
  }

  @Test
  void anExtensionMustEndAfterTheDeadlineInForce() {
    CaseClockState started = clock.start(CASE, rule(5, TermUnit.WORKING_DAYS, ResumeMode.RESTART, 1), at("2026-02-10T09:00"));
    assertThatThrownBy(() -> clock.extend(started, Extension.to(at("2026-02-24T17:00"), null, "Không lùi", "x")))
        .isInstanceOf(InvalidExtensionException.class)
        .satisfies(e -> assertThat(((InvalidExtensionException) e).current()).isEqualTo(at("2026-02-24T17:00")));
    // the one-stop apology: a new appointment given as a date
    CaseClockState moved = clock.extend(started, Extension.to(at("2026-02-26T17:00"), "Mẫu số 04", "Cần xác minh", "x"));
    assertThat(moved.deadlineAt()).isEqualTo(at("2026-02-26T17:00"));
    assertThat(moved.extensionsUsed()).isEqualTo(1);
  }

  @Test
  void extensionsUsedSurviveAPauseAndARestart() {
    CaseClockState started = clock.start(CASE, rule(5, TermUnit.WORKING_DAYS, ResumeMode.RESTART, 1), at("2026-02-10T09:00"));
    CaseClockState moved = clock.extend(started, Extension.to(at("2026-02-26T17:00"), null, "Cần xác minh", "x"));
    CaseClockState restarted = clock.resume(clock.pause(moved, at("2026-02-11T09:00")), at("2026-02-23T09:00"));
    assertThat(restarted.extensionsUsed()).isEqualTo(1);
    assertThatThrownBy(() -> clock.extend(restarted, Extension.to(at("2026-03-31T17:00"), null, "Lần hai", "x")))
        .isInstanceOf(ExtensionRefusedException.class);
  }

  @Test
  void anExtensionGivesEitherADateOrATerm() {
    assertThatThrownBy(() -> new Extension(null, "Lý do", "x", at("2026-02-26T17:00"), new Term(1, TermUnit.WORKING_DAYS)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Extension.to(at("2026-02-26T17:00"), null, " ", "x")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new Term(0, TermUnit.WORKING_DAYS)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new ClockRule("v", new Term(1, TermUnit.WORKING_DAYS), ResumeMode.RESTART, -1))
        .isInstanceOf(IllegalArgumentException.class);
  }

  static Instant at(String local) {
    return OffsetDateTime.parse(local + ":00+07:00").toInstant();
  }
}
