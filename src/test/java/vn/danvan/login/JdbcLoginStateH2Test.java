package vn.danvan.login;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import vn.danvan.support.MovableClock;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;

/**
 * The throttle's shared state in its tables, on a fresh in-memory H2 database migrated by Flyway (the
 * demo's database; {@code cluster.ClusterIT} runs it on PostgreSQL): two throttles on one database
 * act as two nodes.
 */
class JdbcLoginStateH2Test {

  private final JdbcDataSource dataSource = database();
  private final JdbcTemplate jdbc = new JdbcTemplate(dataSource);
  private final MovableClock clock = new MovableClock(Instant.parse("2026-12-01T03:00:00Z"));

  private static JdbcDataSource database() {
    JdbcDataSource dataSource = new JdbcDataSource();
    dataSource.setURL("jdbc:h2:mem:login-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
    dataSource.setUser("sa");
    Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").table("dv_schema_history").load().migrate();
    return dataSource;
  }

  private LoginThrottle node() {
    return new LoginThrottle(new LoginThrottleProperties(null,
        new LoginThrottleProperties.Limits(2, 3, Duration.ofMinutes(15), Duration.ofMinutes(15)),
        Duration.ofSeconds(1), Duration.ofSeconds(30), 100, 100, Duration.ofDays(30), 100, Duration.ZERO), clock,
        new JdbcLoginState(jdbc, new DataSourceTransactionManager(dataSource)));
  }

  @Test
  void failuresOnTwoNodesAddUpInTheTableAndLockBoth() {
    LoginThrottle a = node();
    LoginThrottle b = node();
    fail(a, "10.0.0.1", "Camlo.Officer");
    fail(b, "10.0.0.2", "camlo.officer");
    clock.advance(Duration.ofSeconds(1));
    fail(a, "10.0.0.3", "camlo.officer");

    assertThat(jdbc.queryForObject("SELECT failures FROM dv_login_failure WHERE key_kind = 'USER' AND key_value = ?",
        Integer.class, "camlo.officer")).isEqualTo(3);
    try (LoginThrottle.Attempt attempt = b.attempt("10.0.0.4", "camlo.officer")) {
      assertThat(attempt.retryAfterSeconds()).isEqualTo(15 * 60);
    }
  }

  @Test
  void aSuccessForgetsTheUsersFailuresOnEveryNodeAndRemembersItsAddress() {
    LoginThrottle a = node();
    LoginThrottle b = node();
    fail(a, "10.0.0.1", "u");
    fail(a, "10.0.0.1", "u");
    clock.advance(Duration.ofSeconds(1));
    try (LoginThrottle.Attempt attempt = b.attempt("10.0.0.5", "u")) {
      assertThat(attempt.refused()).isFalse();
      attempt.succeeded();
    }
    assertThat(jdbc.queryForObject("SELECT failures FROM dv_login_failure WHERE key_kind = 'USER' AND key_value = 'u'",
        Integer.class)).isZero();
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM dv_login_known_client WHERE user_key = 'u' AND address = ?",
        Integer.class, "10.0.0.5")).isEqualTo(1);
    fail(a, "10.0.0.1", "u");
    try (LoginThrottle.Attempt attempt = a.attempt("10.0.0.6", "u")) {
      assertThat(attempt.refused()).as("counting starts again on A too").isFalse();
    }
  }

  @Test
  void deadRowsArePurged() {
    LoginThrottle a = node();
    fail(a, "10.0.0.1", "u");
    clock.advance(Duration.ofMinutes(16));
    try (LoginThrottle.Attempt attempt = a.attempt("10.0.0.1", "v")) {
      assertThat(attempt.refused()).isFalse();
    }
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM dv_login_failure", Integer.class)).isZero();
  }

  private static void fail(LoginThrottle throttle, String address, String user) {
    try (LoginThrottle.Attempt attempt = throttle.attempt(address, user)) {
      assertThat(attempt.refused()).as("%s from %s refused", user, address).isFalse();
      attempt.failed();
    }
  }

}
