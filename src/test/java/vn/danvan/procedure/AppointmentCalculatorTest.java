package vn.danvan.procedure;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import org.junit.jupiter.api.Test;
import vn.danvan.calendar.BundledCalendar;
import vn.danvan.calendar.CalendarProperties;
import vn.danvan.calendar.VietnamTime;

/**
 * Worked examples of appointments against the bundled 2026 holiday file (days off 1–2/1, Tết
 * 16–20/2, 27/4, 30/4, 1/5, 1–2/9, 24/11). Each expected date is counted by hand in the comment.
 */
class AppointmentCalculatorTest {

  final AppointmentCalculator calculator = calculator(ProcedureProperties.defaults());

  static AppointmentCalculator calculator(ProcedureProperties properties) {
    return new AppointmentCalculator(BundledCalendar.workCalendar(), CalendarProperties.defaults(), properties);
  }

  /** A procedure with the given deadline; the other fields do not matter here. */
  static Procedure procedure(DeadlineType type, int amount) {
    WorkingTime none = new WorkingTime(0, WorkingTime.Unit.WORKING_HOURS);
    return new Procedure("TEST", "Thủ tục thử", CompetentLevel.COMMUNE, new Deadline(type, amount), none, none, none,
        "RESULT", null, "Kiểm thử", "?", LocalDate.parse("2025-07-01"));
  }

  static final Procedure SAME_DAY = procedure(DeadlineType.SAME_DAY, 0); // e.g. CERTIFIED_COPY
  static final Procedure FIVE_DAYS = procedure(DeadlineType.WORKING_DAYS, 5); // MARRIAGE_REGISTRATION, verification
  static final Procedure EIGHT_DAYS = procedure(DeadlineType.WORKING_DAYS, 8); // LAND_TRANSFER_REGISTRATION
  static final Procedure HALF_DAY = procedure(DeadlineType.HALF_DAY, 1); // RESIDENCE_CONFIRMATION

  /** A local date-time in Vietnam, e.g. "2026-04-23T16:10". */
  static Instant vn(String localDateTime) {
    return LocalDateTime.parse(localDateTime).atZone(VietnamTime.ZONE).toInstant();
  }

  Instant appointment(Procedure procedure, String receivedAt, Channel channel) {
    return calculator.appointment(procedure, vn(receivedAt), channel);
  }

  // --- same day

  @Test
  void certifiedCopyReceivedAfter15IsDueTheNextWorkingDay() {
    // The example: Thursday 23/4/2026 16:10 -> Friday 24/4/2026 17:00.
    assertThat(appointment(SAME_DAY, "2026-04-23T16:10", Channel.COUNTER)).isEqualTo(vn("2026-04-24T17:00"));
  }

  @Test
  void certifiedCopyReceivedInTheMorningIsDueTheSameDay() {
    assertThat(appointment(SAME_DAY, "2026-04-23T10:00", Channel.COUNTER)).isEqualTo(vn("2026-04-23T17:00"));
  }

  @Test
  void sameDayReceivedAt15ExactlyIsStillTheSameDay() {
    assertThat(appointment(SAME_DAY, "2026-04-23T15:00", Channel.COUNTER)).isEqualTo(vn("2026-04-23T17:00"));
  }

  @Test
  void sameDayReceivedOnSaturdayIsDueTheNextWorkingDaySkippingTheHolidayMonday() {
    // Saturday 25/4/2026; Monday 27/4 is off for Hùng Kings day (Sunday 26/4) -> Tuesday 28/4.
    assertThat(appointment(SAME_DAY, "2026-04-25T09:00", Channel.ONLINE)).isEqualTo(vn("2026-04-28T17:00"));
  }

  // --- working days

  @Test
  void marriageWithVerificationSkipsTheApril30AndMay1HolidaysAndTheWeekend() {
    // Wednesday 29/4/2026: 30/4 and 1/5 off, 2–3/5 weekend; days 1–5 = Mon 4/5 .. Fri 8/5.
    assertThat(appointment(FIVE_DAYS, "2026-04-29T09:00", Channel.COUNTER)).isEqualTo(vn("2026-05-08T17:00"));
  }

  @Test
  void landTransferAcrossTet2026() {
    // Thursday 12/2/2026: day 1 = Fri 13/2; Tết 16–20/2; days 2–6 = 23/2..27/2; 7 = Mon 2/3; 8 = Tue 3/3.
    assertThat(appointment(EIGHT_DAYS, "2026-02-12T10:00", Channel.COUNTER)).isEqualTo(vn("2026-03-03T17:00"));
  }

  @Test
  void receiptOnSaturdayCountsFromTheNextWorkingDay() {
    // Saturday 25/4/2026 counts as received Tuesday 28/4 (27/4 off): day 1 = Wed 29/4; 30/4, 1/5 off;
    // days 2–6 = Mon 4/5 .. Fri 8/5; 7 = Mon 11/5; 8 = Tue 12/5. Counting from Saturday would give 11/5.
    assertThat(appointment(EIGHT_DAYS, "2026-04-25T10:00", Channel.COUNTER)).isEqualTo(vn("2026-05-12T17:00"));
  }

  @Test
  void receiptAfterOfficeHoursCountsFromTheNextWorkingDay() {
    // Thursday 12/2/2026 17:30 counts as Friday 13/2: day 1 = Mon 23/2 (after Tết) .. day 8 = Wed 4/3.
    assertThat(appointment(EIGHT_DAYS, "2026-02-12T17:30", Channel.COUNTER)).isEqualTo(vn("2026-03-04T17:00"));
  }

  // --- half a working day

  @Test
  void residenceConfirmationReceivedInTheMorningIsDueAtTheEndOfTheAfternoon() {
    assertThat(appointment(HALF_DAY, "2026-04-21T09:00", Channel.COUNTER)).isEqualTo(vn("2026-04-21T17:00"));
  }

  @Test
  void residenceConfirmationReceivedInTheAfternoonIsDueAtNoonOfTheNextWorkingDay() {
    assertThat(appointment(HALF_DAY, "2026-04-21T14:00", Channel.COUNTER)).isEqualTo(vn("2026-04-22T11:30"));
  }

  @Test
  void halfDayFromFridayAfternoonSkipsTheWeekendAndTheHolidayMonday() {
    // Friday 24/4/2026 afternoon -> next morning session: Tuesday 28/4 (27/4 off).
    assertThat(appointment(HALF_DAY, "2026-04-24T14:00", Channel.COUNTER)).isEqualTo(vn("2026-04-28T11:30"));
  }

  @Test
  void halfDayReceivedDuringTheLunchBreakCountsFromTheAfternoonSession() {
    assertThat(appointment(HALF_DAY, "2026-04-21T12:00", Channel.COUNTER)).isEqualTo(vn("2026-04-22T11:30"));
  }

  @Test
  void halfDayReceivedBeforeOpeningCountsFromTheMorningSession() {
    assertThat(appointment(HALF_DAY, "2026-04-21T06:45", Channel.ONLINE)).isEqualTo(vn("2026-04-21T17:00"));
  }

  @Test
  void twoHalfDaysAreAWholeWorkingDay() {
    assertThat(appointment(procedure(DeadlineType.HALF_DAY, 2), "2026-04-21T09:00", Channel.COUNTER))
        .isEqualTo(vn("2026-04-22T11:30"));
  }

  // --- online filings in the last hour of office hours

  @Test
  void onlineFilingInTheLastHourCountsAsReceivedTheNextWorkingDay() {
    // Tuesday 21/4/2026 16:30 online -> Wednesday 22/4 07:30, a morning receipt -> 22/4 17:00.
    assertThat(appointment(HALF_DAY, "2026-04-21T16:30", Channel.ONLINE)).isEqualTo(vn("2026-04-22T17:00"));
    // The same moment at the counter is an afternoon receipt -> 22/4 11:30.
    assertThat(appointment(HALF_DAY, "2026-04-21T16:30", Channel.COUNTER)).isEqualTo(vn("2026-04-22T11:30"));
  }

  @Test
  void onlineLastHourShiftsAWorkingDayPeriodByOneDay() {
    // Online Thursday 12/2/2026 16:00 counts as Friday 13/2 -> Wed 4/3 (see receiptAfterOfficeHours...).
    assertThat(appointment(EIGHT_DAYS, "2026-02-12T16:00", Channel.ONLINE)).isEqualTo(vn("2026-03-04T17:00"));
    assertThat(appointment(EIGHT_DAYS, "2026-02-12T15:59", Channel.ONLINE)).isEqualTo(vn("2026-03-03T17:00"));
  }

  @Test
  void postalReceiptInTheLastHourIsNotShifted() {
    assertThat(appointment(EIGHT_DAYS, "2026-02-12T16:30", Channel.POSTAL)).isEqualTo(vn("2026-03-03T17:00"));
  }

  @Test
  void onlineLastHourRuleCanBeSwitchedOff() {
    AppointmentCalculator withoutRule = calculator(new ProcedureProperties(false));
    assertThat(withoutRule.appointment(HALF_DAY, vn("2026-04-21T16:30"), Channel.ONLINE)).isEqualTo(vn("2026-04-22T11:30"));
  }

  // --- acceptance moment

  @Test
  void acceptanceIsTheReceiptDuringOfficeHoursAndTheNextOpeningOtherwise() {
    assertThat(calculator.acceptedAt(vn("2026-04-23T10:00"), Channel.COUNTER)).isEqualTo(vn("2026-04-23T10:00"));
    assertThat(calculator.acceptedAt(vn("2026-04-23T11:45"), Channel.COUNTER)).isEqualTo(vn("2026-04-23T13:00"));
    assertThat(calculator.acceptedAt(vn("2026-04-23T18:00"), Channel.COUNTER)).isEqualTo(vn("2026-04-24T07:30"));
    assertThat(calculator.acceptedAt(vn("2026-02-14T10:00"), Channel.COUNTER)).isEqualTo(vn("2026-02-23T07:30"));
  }
}
