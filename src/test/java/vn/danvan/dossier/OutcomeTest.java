package vn.danvan.dossier;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.OffsetDateTime;
import org.junit.jupiter.api.Test;

/** Early, on time or late against the appointment, by the day in Vietnam. */
class OutcomeTest {

  static final Instant APPOINTMENT = at("2026-11-25T17:00");

  @Test
  void readyOnAnEarlierDayIsEarly() {
    assertThat(Outcome.of(at("2026-11-24T16:59"), APPOINTMENT)).isEqualTo(Outcome.EARLY);
  }

  @Test
  void readyOnTheAppointmentDayBeforeTheHourIsOnTime() {
    assertThat(Outcome.of(at("2026-11-25T07:31"), APPOINTMENT)).isEqualTo(Outcome.ON_TIME);
    assertThat(Outcome.of(APPOINTMENT, APPOINTMENT)).isEqualTo(Outcome.ON_TIME);
  }

  @Test
  void readyAfterTheAppointmentIsLate() {
    assertThat(Outcome.of(at("2026-11-25T17:01"), APPOINTMENT)).isEqualTo(Outcome.LATE);
    assertThat(Outcome.of(at("2026-11-26T08:00"), APPOINTMENT)).isEqualTo(Outcome.LATE);
  }

  @Test
  void theDayIsVietnamsNotUtcs() {
    // 00:30 on 25/11 in Vietnam is still 24/11 in UTC: it is the appointment day, on time
    assertThat(Outcome.of(at("2026-11-25T00:30"), APPOINTMENT)).isEqualTo(Outcome.ON_TIME);
  }

  private static Instant at(String localDateTime) {
    return OffsetDateTime.parse(localDateTime + ":00+07:00").toInstant();
  }
}
