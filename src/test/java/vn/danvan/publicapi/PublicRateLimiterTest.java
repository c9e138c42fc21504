package vn.danvan.publicapi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.OptionalLong;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import vn.danvan.support.MovableClock;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The token buckets on a fresh in-memory H2 database migrated by Flyway (the demo's database; the
 * cluster test runs them on PostgreSQL), with a clock the test moves by hand.
 */
class PublicRateLimiterTest {

  MovableClock clock = new MovableClock(Instant.parse("2026-11-25T02:00:00Z"));
  JdbcTemplate jdbc = database();

  private static JdbcTemplate database() {
    JdbcDataSource dataSource = new JdbcDataSource();
    dataSource.setURL("jdbc:h2:mem:rate-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
    dataSource.setUser("sa");
    Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").table("dv_schema_history").load().migrate();
    return new JdbcTemplate(dataSource);
  }

  private PublicRateLimiter limiter(int perMinute) {
    return new PublicRateLimiter("public", perMinute, clock, jdbc);
  }

  @Test
  void allowsTheLimitThenRefusesWithRetryAfter() {
    var limiter = limiter(3);
    assertThat(limiter.acquire("1.1.1.1")).isEmpty();
    assertThat(limiter.acquire("1.1.1.1")).isEmpty();
    assertThat(limiter.acquire("1.1.1.1")).isEmpty();
    // one token every 20 seconds
    assertThat(limiter.acquire("1.1.1.1")).isEqualTo(OptionalLong.of(20));
  }

  @Test
  void refillsOverTime() {
    var limiter = limiter(3);
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
    var limiter = limiter(2);
    limiter.acquire("a");
    clock.advance(Duration.ofHours(5));
    assertThat(limiter.acquire("a")).isEmpty();
    assertThat(limiter.acquire("a")).isEmpty();
    assertThat(limiter.acquire("a")).isPresent();
  }

  @Test
  void countsEachClientAndEachFamilySeparately() {
    var limiter = limiter(1);
    var verify = new PublicRateLimiter("verify", 1, clock, jdbc);
    assertThat(limiter.acquire("a")).isEmpty();
    assertThat(limiter.acquire("a")).isPresent();
    assertThat(limiter.acquire("b")).isEmpty();
    assertThat(verify.acquire("a")).as("another family's budget").isEmpty();
  }

  @Test
  void nodesOnOneDatabaseShareOneLimit() {
    var nodeA = limiter(4);
    var nodeB = limiter(4);
    assertThat(nodeA.acquire("a")).isEmpty();
    assertThat(nodeB.acquire("a")).isEmpty();
    assertThat(nodeA.acquire("a")).isEmpty();
    assertThat(nodeB.acquire("a")).isEmpty();
    assertThat(nodeA.acquire("a")).as("four a minute across both nodes").isEqualTo(OptionalLong.of(15));
    assertThat(nodeB.acquire("a")).isEqualTo(OptionalLong.of(15));
  }

  @Test
  void forgetsBucketsThatAreFullAgainSoTheTableStaysSmall() {
    var limiter = limiter(1);
    for (int i = 0; i < 100; i++) {
      limiter.acquire("x" + i);
    }
    assertThat(limiter.clients()).isEqualTo(100);
    clock.advance(Duration.ofMinutes(1));
    limiter.acquire("y");
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM dv_rate_bucket", Integer.class))
        .as("the full buckets deleted, the new one kept").isEqualTo(1);
    assertThat(limiter.acquire("x1")).as("a forgotten client starts with a full bucket").isEmpty();
  }

  @Test
  void refusesNonPositiveSettings() {
    assertThatThrownBy(() -> limiter(0)).isInstanceOf(IllegalArgumentException.class);
  }
}
