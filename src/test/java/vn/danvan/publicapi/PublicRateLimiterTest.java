package vn.danvan.publicapi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class PublicRateLimiterTest {

  /** A clock the test moves by hand. */
  static final class ManualClock extends Clock {
    Instant now = Instant.parse("2026-11-25T02:00:00Z");

    @Override
    public java.time.ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(java.time.ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }

    void advance(Duration d) {
      now = now.plus(d);
    }
  }

  ManualClock clock = new ManualClock();

  @Test
  void allowsTheLimitThenRefusesWithRetryAfter() {
    var limiter = new PublicRateLimiter(3, 100, clock);
    assertThat(limiter.acquire("1.1.1.1")).isEmpty();
    assertThat(limiter.acquire("1.1.1.1")).isEmpty();
    assertThat(limiter.acquire("1.1.1.1")).isEmpty();
    // one token every 20 seconds
    assertThat(limiter.acquire("1.1.1.1")).isEqualTo(OptionalLong.of(20));
  }

  @Test
  void refillsOverTime() {
    var limiter = new PublicRateLimiter(3, 100, clock);
    for (int i = 0; i < 3; i++) {
      limiter.acquire("a");
    }
    clock.advance(Duration.ofSeconds(15));
    assertThat(limiter.acquire("a")).isEqualTo(OptionalLong.of(5));
    clock.advance(Duration.ofSeconds(5));
    assertThat(limiter.acquire("a")).isEmpty();
    assertThat(limiter.acquire("a")).isPresent();
  }

  @Test
  void neverHoldsMoreThanOneMinuteOfTokens() {
    var limiter = new PublicRateLimiter(2, 100, clock);
    clock.advance(Duration.ofHours(5));
    assertThat(limiter.acquire("a")).isEmpty();
    assertThat(limiter.acquire("a")).isEmpty();
    assertThat(limiter.acquire("a")).isPresent();
  }

  @Test
  void countsEachClientSeparately() {
    var limiter = new PublicRateLimiter(1, 100, clock);
    assertThat(limiter.acquire("a")).isEmpty();
    assertThat(limiter.acquire("a")).isPresent();
    assertThat(limiter.acquire("b")).isEmpty();
  }

  @Test
  void forgetsTheLeastRecentlySeenClientsBeyondTheBound() {
    var limiter = new PublicRateLimiter(1, 3, clock);
    limiter.acquire("a");
    limiter.acquire("b");
    limiter.acquire("c");
    assertThat(limiter.acquire("a")).isPresent(); // a is now the most recent
    for (int i = 0; i < 1000; i++) {
      limiter.acquire("x" + i);
      assertThat(limiter.clients()).isLessThanOrEqualTo(3);
    }
    assertThat(limiter.clients()).isEqualTo(3);
  }

  @Test
  void keepsARecentlySeenClientWhileEvictingOlderOnes() {
    var limiter = new PublicRateLimiter(1, 3, clock);
    limiter.acquire("a");
    limiter.acquire("b");
    limiter.acquire("a"); // refused, but a is fresh again
    limiter.acquire("c");
    limiter.acquire("d"); // evicts b, the least recently seen
    assertThat(limiter.acquire("a")).as("a still remembered and empty").isPresent();
    assertThat(limiter.acquire("b")).as("b forgotten, full bucket again").isEmpty();
  }

  @Test
  void refusesNonPositiveSettings() {
    assertThatThrownBy(() -> new PublicRateLimiter(0, 10, clock)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new PublicRateLimiter(10, 0, clock)).isInstanceOf(IllegalArgumentException.class);
  }
}
