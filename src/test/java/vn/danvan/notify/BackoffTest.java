package vn.danvan.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class BackoffTest {

  private final Backoff backoff = new Backoff(8, Duration.ofMinutes(1), Duration.ofHours(1));

  @Test
  void doublesTheWaitAfterEachFailedAttempt() {
    assertThat(backoff.delayAfter(1)).isEqualTo(Duration.ofMinutes(1));
    assertThat(backoff.delayAfter(2)).isEqualTo(Duration.ofMinutes(2));
    assertThat(backoff.delayAfter(3)).isEqualTo(Duration.ofMinutes(4));
    assertThat(backoff.delayAfter(6)).isEqualTo(Duration.ofMinutes(32));
  }

  @Test
  void neverWaitsLongerThanTheMaximumDelay() {
    assertThat(backoff.delayAfter(7)).isEqualTo(Duration.ofHours(1));
    assertThat(backoff.delayAfter(40)).isEqualTo(Duration.ofHours(1));
    assertThat(backoff.delayAfter(Integer.MAX_VALUE)).isEqualTo(Duration.ofHours(1));
  }

  @Test
  void givesUpAfterMaxAttempts() {
    assertThat(backoff.exhausted(7)).isFalse();
    assertThat(backoff.exhausted(8)).isTrue();
    assertThat(new Backoff(1, Duration.ofSeconds(1), Duration.ofSeconds(1)).exhausted(1)).isTrue();
  }

  @Test
  void rejectsSettingsThatCannotWork() {
    assertThatThrownBy(() -> new Backoff(0, Duration.ofMinutes(1), Duration.ofHours(1)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("maxAttempts 0");
    assertThatThrownBy(() -> new Backoff(3, Duration.ofHours(2), Duration.ofHours(1)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("maxDelay PT1H");
  }
}
