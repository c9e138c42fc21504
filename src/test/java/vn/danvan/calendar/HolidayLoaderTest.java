package vn.danvan.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static vn.danvan.calendar.WorkCalendarTest.vn;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bundled holiday files, and operator files that replace or add years without a rebuild. */
class HolidayLoaderTest {

  @TempDir
  Path operatorDir;

  private void write(String fileName, String content) throws IOException {
    Files.writeString(operatorDir.resolve(fileName), content, StandardCharsets.UTF_8);
  }

  @Test
  void bundledFilesCover2025To2027() {
    HolidayTable table = new HolidayLoader().load(null);

    assertThat(table.years()).containsExactly(2025, 2026, 2027);
    assertThat(table.sources()).containsEntry(2026, "classpath:calendar/holidays/2026.csv");
  }

  @Test
  void bundledFilesMatchTheRulebook() {
    HolidayTable table = new HolidayLoader().load(null);

    assertThat(daysOff(table, 2025)).isEqualTo(12); // 1/1, Tết 5, 7/4, 30/4, 1/5, 2/5, 1/9, 2/9
    assertThat(daysOff(table, 2026)).isEqualTo(13); // 1/1, 2/1, Tết 5, 27/4, 30/4, 1/5, 1/9, 2/9, 24/11
    assertThat(daysOff(table, 2027)).isEqualTo(12); // 1/1, Tết 5 (?), 16/4, 30/4, 3/5, 2/9, 3/9 (?), 24/11
    for (int year = 2025; year <= 2027; year++) {
      for (LocalDate d = LocalDate.of(year, 1, 1); d.getYear() == year; d = d.plusDays(1)) {
        LocalDate date = d;
        table.entry(d).ifPresent(entry -> {
          boolean weekend = date.getDayOfWeek() == DayOfWeek.SATURDAY || date.getDayOfWeek() == DayOfWeek.SUNDAY;
          assertThat(weekend).as("%s %s", date, entry).isEqualTo(entry.kind() == CalendarEntry.Kind.WORKING_DAY);
        });
      }
    }
    assertThat(table.entry(LocalDate.of(2025, 4, 26))).get().extracting(CalendarEntry::kind).isEqualTo(CalendarEntry.Kind.WORKING_DAY);
  }

  @Test
  void unannouncedDaysOf2027AreMarkedUnconfirmed() {
    HolidayTable table = new HolidayLoader().load(null);

    assertThat(table.entry(LocalDate.of(2027, 2, 4))).get().extracting(CalendarEntry::confirmed).isEqualTo(false);
    assertThat(table.entry(LocalDate.of(2027, 9, 3))).get().extracting(CalendarEntry::confirmed).isEqualTo(false);
    assertThat(table.entry(LocalDate.of(2027, 9, 2))).get().extracting(CalendarEntry::confirmed).isEqualTo(true);
    assertThat(table.entry(LocalDate.of(2026, 2, 16))).get().extracting(CalendarEntry::confirmed).isEqualTo(true);
  }

  @Test
  void missingOperatorFolderIsFine() {
    assertThat(new HolidayLoader().load(operatorDir.resolve("does-not-exist")).years()).containsExactly(2025, 2026, 2027);
  }

  @Test
  void operatorFileReplacesTheBundledYear() throws IOException {
    // The Prime Minister gives Monday 31/8/2026 off: the operator's 2026 file replaces the bundled one.
    write("2026.csv", """
        # 2026 as announced
        2026-08-31,HOLIDAY,Quốc khánh (nghỉ hoán đổi)
        2026-09-01,HOLIDAY,Quốc khánh
        2026-09-02,HOLIDAY,Quốc khánh
        """);
    HolidayTable table = new HolidayLoader().load(operatorDir);
    var calendar = new WorkCalendar(table, CalendarProperties.defaults());

    assertThat(table.sources().get(2026)).endsWith("2026.csv").doesNotStartWith("classpath:");
    assertThat(calendar.plusWorkingDays(vn("2026-08-28T10:00"), 1)).isEqualTo(vn("2026-09-03T17:00"));
    // Replaced, not merged: Tết 2026 is not in the operator's file.
    assertThat(calendar.isWorkingDay(LocalDate.of(2026, 2, 16))).isTrue();
    // Other years keep their bundled files.
    assertThat(calendar.isWorkingDay(LocalDate.of(2025, 1, 27))).isFalse();
  }

  @Test
  void operatorFileAddsANewYear() throws IOException {
    write("2028.csv", "2028-01-03,HOLIDAY,Nghỉ bù Tết Dương lịch\n");
    write("README.txt", "not a holiday file, ignored");
    HolidayTable table = new HolidayLoader().load(operatorDir);

    assertThat(table.years()).containsExactly(2025, 2026, 2027, 2028);
    assertThat(new WorkCalendar(table, CalendarProperties.defaults()).holidayName(LocalDate.of(2028, 1, 3)))
        .contains("Nghỉ bù Tết Dương lịch");
  }

  @Test
  void malformedOperatorFileStopsLoadingWithFileNameAndLineNumber() throws IOException {
    write("2026.csv", """
        # 2026
        2026-01-01,HOLIDAY,Tết Dương lịch
        2026-02-30,HOLIDAY,Tết Nguyên đán
        """);

    assertThatThrownBy(() -> new HolidayLoader().load(operatorDir))
        .isInstanceOf(HolidayFileException.class)
        .hasMessageContaining(operatorDir.resolve("2026.csv").toString())
        .hasMessageContaining("line 3")
        .hasMessageContaining("bad date '2026-02-30'");
  }

  @Test
  void operatorFileWithDateOfAnotherYearIsRefused() throws IOException {
    write("2027.csv", "2026-11-24,HOLIDAY,Ngày Văn hoá Việt Nam\n");

    assertThatThrownBy(() -> new HolidayLoader().load(operatorDir))
        .hasMessageContaining("2027.csv, line 1: date 2026-11-24 is not in 2027");
  }

  @Test
  void operatorCsvNotNamedAfterAYearIsRefused() throws IOException {
    write("holidays.csv", "2026-11-24,HOLIDAY,Ngày Văn hoá Việt Nam\n");

    assertThatThrownBy(() -> new HolidayLoader().load(operatorDir)).hasMessageContaining("holidays.csv");
  }

  @Test
  void operatorFileThatIsNotUtf8IsRefused() throws IOException {
    Files.write(operatorDir.resolve("2026.csv"), "2026-01-01,HOLIDAY,T\u1EBFt".getBytes(StandardCharsets.UTF_16));

    assertThatThrownBy(() -> new HolidayLoader().load(operatorDir)).hasMessageContaining("2026.csv");
  }

  private static long daysOff(HolidayTable table, int year) {
    return LocalDate.of(year, 1, 1).datesUntil(LocalDate.of(year + 1, 1, 1))
        .filter(d -> table.entry(d).filter(e -> e.kind() == CalendarEntry.Kind.HOLIDAY).isPresent()).count();
  }
}
