package vn.danvan.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The moment as people read it: Vietnamese local time written out, whatever the machine's zone. */
class VietnamTimeTextTest {

  @Test
  void writesVietnameseLocalTime() {
    assertThat(VietnamTime.text(Instant.parse("2026-12-02T10:00:00Z"))).isEqualTo("17 giờ 00, ngày 2/12/2026");
    assertThat(VietnamTime.text(Instant.parse("2026-11-25T01:05:00Z"))).isEqualTo("8 giờ 05, ngày 25/11/2026");
  }

  @Test
  void theLocalDayIsNotTheUtcDay() {
    // 31/12 at 17:30 UTC is already New Year's Day in Vietnam
    assertThat(VietnamTime.text(Instant.parse("2026-12-31T17:30:00Z"))).isEqualTo("0 giờ 30, ngày 1/1/2027");
  }

  @Test
  void nullStaysNull() {
    assertThat(VietnamTime.text(null)).isNull();
  }
}
