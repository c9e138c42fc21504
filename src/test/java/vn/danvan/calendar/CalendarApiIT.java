package vn.danvan.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import vn.danvan.support.Http;
import vn.danvan.support.RunningApplicationTest;

/** The due-date check process owners use, through the running application with its security. */
class CalendarApiIT extends RunningApplicationTest {


  @Test
  void processOwnerChecksADeadlineAcrossTet() {
    Http.Answer answer = http.get("/api/calendar/due?from=2026-02-13T10:00:00%2B07:00&workingDays=1", "quangtri.owner");
    assertThat(answer.status()).as(answer.body()).isEqualTo(200);
    assertThat(answer.json().path("due").asText()).isEqualTo("2026-02-23T17:00:00+07:00");
    assertThat(answer.json().path("workingDays").asInt()).isEqualTo(1);
  }

  @Test
  void calendarDaysRollOverToTheNextWorkingDay() {
    Http.Answer answer = http.get("/api/calendar/due?from=2026-02-06T09:00:00%2B07:00&calendarDays=10", "dongha.officer");
    assertThat(answer.json().path("due").asText()).isEqualTo("2026-02-23T17:00:00+07:00");
  }

  @Test
  void badParameterIsA400NamingIt() {
    Http.Answer answer = http.get("/api/calendar/due?from=yesterday&workingDays=1", "dongha.officer");
    assertThat(answer.status()).isEqualTo(400);
    assertThat(answer.json().path("field").asText()).isEqualTo("from");
    assertThat(answer.body()).doesNotContain("Exception").doesNotContain("at vn.");
  }
}
