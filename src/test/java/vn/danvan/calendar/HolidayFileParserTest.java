package vn.danvan.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every malformed line is reported with the file, the line number and the problem. */
class HolidayFileParserTest {

  private static HolidayYear parse(String... lines) {
    return HolidayFileParser.parse("2026.csv", 2026, List.of(lines));
  }

  @Test
  void readsEntriesSkippingCommentsBlankLinesAndHeader() {
    HolidayYear year = parse("\uFEFF# comment", "date,kind,name,status", "", "2026-01-01,HOLIDAY,Tết Dương lịch",
        "2026-02-16, holiday , Tết Nguyên đán , unconfirmed  # not announced yet", "2026-02-28,WORKING_DAY,Làm bù,?");

    assertThat(year.entries()).hasSize(3);
    assertThat(year.entries().get(LocalDate.of(2026, 1, 1)))
        .isEqualTo(new CalendarEntry(LocalDate.of(2026, 1, 1), CalendarEntry.Kind.HOLIDAY, "Tết Dương lịch", true));
    assertThat(year.entries().get(LocalDate.of(2026, 2, 16)).name()).isEqualTo("Tết Nguyên đán");
    assertThat(year.unconfirmedDates()).containsExactly(LocalDate.of(2026, 2, 16), LocalDate.of(2026, 2, 28));
  }

  @ParameterizedTest(name = "{2}")
  @CsvSource(delimiter = '|', textBlock = """
      2026-13-01,HOLIDAY,X                  | bad date '2026-13-01'             | bad month
      1/1/2026,HOLIDAY,X                    | bad date '1/1/2026'               | not ISO
      2025-12-31,HOLIDAY,X                  | not in 2026                       | other year
      2026-03-02,HOLYDAY,X                  | unknown kind 'HOLYDAY'            | misspelt kind
      2026-03-02,,X                         | missing kind                      | empty kind
      2026-03-02,HOLIDAY                    | expected 3 or 4 fields            | missing name field
      2026-03-02,HOLIDAY,                   | missing name                      | empty name
      2026-03-02,HOLIDAY,X,maybe            | unknown status 'maybe'            | bad status
      2026-03-02,HOLIDAY,X,confirmed,extra  | expected 3 or 4 fields            | too many fields
      2026-03-02,WORKING_DAY,X              | only a Saturday or Sunday         | working day on a Monday
      """)
  void malformedLineStopsWithFileLineAndProblem(String badLine, String problem, String description) {
    assertThatThrownBy(() -> parse("# header comment", "2026-01-01,HOLIDAY,Tết Dương lịch", badLine))
        .isInstanceOf(HolidayFileException.class)
        .hasMessageContaining("2026.csv")
        .hasMessageContaining("line 3")
        .hasMessageContaining(problem);
  }

  @Test
  void duplicateDateNamesBothLines() {
    assertThatThrownBy(() -> parse("2026-01-01,HOLIDAY,A", "", "2026-01-01,HOLIDAY,B"))
        .isInstanceOf(HolidayFileException.class)
        .hasMessageContaining("2026.csv, line 3: duplicate date 2026-01-01 (already on line 1)");
  }

  @Test
  void fileNameMustBeAYear() {
    assertThat(HolidayFileParser.yearOf("2027.csv", "x")).isEqualTo(2027);
    assertThatThrownBy(() -> HolidayFileParser.yearOf("holidays-2027.csv", "/etc/holidays-2027.csv"))
        .isInstanceOf(HolidayFileException.class).hasMessageContaining("/etc/holidays-2027.csv").hasMessageContaining("<year>.csv");
  }
}
