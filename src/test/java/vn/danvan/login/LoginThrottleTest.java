package vn.danvan.login;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import vn.danvan.support.MovableClock;

/** The rules of the login throttle on a clock the test moves: backoff, expiring locks, no permanent lock. */
class LoginThrottleTest {

  private final MovableClock clock = new MovableClock(Instant.parse("2026-12-01T03:00:00Z"));

  /** The defaults of application.yaml. */
  private LoginThrottle defaults() {
    return new LoginThrottle(new LoginThrottleProperties(
        new LoginThrottleProperties.Limits(10, 30, Duration.ofMinutes(15), Duration.ofMinutes(15)),
        new LoginThrottleProperties.Limits(5, 40, Duration.ofMinutes(15), Duration.ofMinutes(15)),
        Duration.ofSeconds(1), Duration.ofSeconds(30), 10_000, 10_000, Duration.ofDays(30), 10_000, null), clock,
        new InMemoryLoginState());
  }

  @Test
  void freeFailuresThenAWaitThatDoublesUpToTheMaximum() {
    LoginThrottle throttle = defaults();
    for (int i = 0; i < 5; i++) {
      assertThat(fail(throttle, "10.0.0.1", "dongha.officer")).isZero();
    }
    // Five failures of the user: 1 s, then 2, 4, 8, 16, 30, 30 s.
    for (long expected : new long[] {1, 2, 4, 8, 16, 30, 30}) {
      long wait = tryNow(throttle, "10.0.0.1", "dongha.officer");
      assertThat(wait).isEqualTo(expected);
      clock.advance(Duration.ofSeconds(wait));
      assertThat(fail(throttle, "10.0.0.1", "dongha.officer")).isZero();
    }
  }

  @Test
  void aThrottledAttemptIsRefusedWhateverThePasswordAndUnknownUsersAlike() {
    LoginThrottle throttle = defaults();
    for (int i = 0; i < 5; i++) {
      fail(throttle, "10.0.0.1", "dongha.officer");
      fail(throttle, "10.0.0.2", "no.such.user");
    }
    try (LoginThrottle.Attempt known = throttle.attempt("10.0.0.9", "dongha.officer");
        LoginThrottle.Attempt unknown = throttle.attempt("10.0.0.8", "no.such.user")) {
      assertThat(known.refused()).isTrue();
      assertThat(unknown.refused()).isTrue();
      assertThat(known.retryAfterSeconds()).isEqualTo(unknown.retryAfterSeconds());
    }
  }

  @Test
  void oneClientAloneCanNeverLockAUser() {
    LoginThrottle throttle = defaults();
    Duration spent = Duration.ZERO;
    int userFailures = 0;
    // An attacker from one address tries as fast as the throttle lets it, for 24 hours.
    while (spent.compareTo(Duration.ofHours(24)) < 0) {
      long wait = tryNow(throttle, "203.0.113.7", "dongha.chairman");
      if (wait > 0) {
        clock.advance(Duration.ofSeconds(wait));
        spent = spent.plusSeconds(wait);
        continue;
      }
      fail(throttle, "203.0.113.7", "dongha.chairman");
      userFailures++;
      // The real user, from the office, is never locked out.
      assertThat(tryNow(throttle, "10.1.1.1", "dongha.chairman")).as("user's wait after %d failures", userFailures)
          .isLessThanOrEqualTo(30);
    }
    // At most 30 guesses per 15-minute lock of the address (plus the time to make them).
    assertThat(userFailures).isLessThanOrEqualTo(30 * (24 * 60 / 15));
  }

  @Test
  void manyClientsLockAUserForFifteenMinutesOnly() {
    LoginThrottle throttle = defaults();
    int failures = 0;
    for (int client = 0; failures < 40; client++) {
      // Each address makes a few failures, waiting out the user's backoff.
      for (int i = 0; i < 3 && failures < 40; i++) {
        clock.advance(Duration.ofSeconds(tryNow(throttle, "198.51.100." + client, "camlo.leader")));
        fail(throttle, "198.51.100." + client, "camlo.leader");
        failures++;
      }
    }
    assertThat(tryNow(throttle, "10.1.1.1", "camlo.leader")).isBetween(899L, 900L);
    clock.advance(Duration.ofMinutes(15));
    try (LoginThrottle.Attempt attempt = throttle.attempt("10.1.1.1", "camlo.leader")) {
      assertThat(attempt.refused()).as("the lock has expired").isFalse();
      attempt.succeeded();
    }
  }

  @Test
  void aUserKeepsLoggingInFromAKnownAddressWhileStrangersLockTheName() {
    LoginThrottle throttle = defaults();
    try (LoginThrottle.Attempt office = throttle.attempt("10.1.1.1", "dongha.chairman")) {
      office.succeeded();
    }
    int failures = 0;
    for (int client = 0; failures < 40; client++) {
      for (int i = 0; i < 3 && failures < 40; i++) {
        clock.advance(Duration.ofSeconds(tryNow(throttle, "198.51.100." + client, "dongha.chairman")));
        fail(throttle, "198.51.100." + client, "dongha.chairman");
        failures++;
      }
    }
    assertThat(tryNow(throttle, "203.0.113.1", "dongha.chairman")).as("locked for new addresses").isPositive();
    assertThat(tryNow(throttle, "10.1.1.1", "dongha.chairman")).as("not from the office").isZero();
    clock.advance(Duration.ofDays(31));
    try (LoginThrottle.Attempt later = throttle.attempt("10.1.1.1", "dongha.chairman")) {
      assertThat(later.refused()).isFalse();
    }
  }

  @Test
  void anAddressIsLockedAfterThirtyFailuresOverAnyUsers() {
    LoginThrottle throttle = defaults();
    for (int i = 0; i < 30; i++) {
      clock.advance(Duration.ofSeconds(tryNow(throttle, "203.0.113.9", "user" + i)));
      fail(throttle, "203.0.113.9", "user" + i);
    }
    assertThat(tryNow(throttle, "203.0.113.9", "someone.else")).isEqualTo(900);
    assertThat(tryNow(throttle, "203.0.113.10", "someone.else")).as("other clients are not affected").isZero();
  }

  @Test
  void concurrentAttemptsInTheBackoffAreOneAtATime() {
    LoginThrottle throttle = defaults();
    for (int i = 0; i < 4; i++) {
      fail(throttle, "10.0.0.1", "u");
    }
    try (LoginThrottle.Attempt first = throttle.attempt("10.0.0.1", "u");
        LoginThrottle.Attempt second = throttle.attempt("10.0.0.2", "u")) {
      assertThat(first.refused()).isFalse();
      assertThat(second.refused()).as("the fifth failure is in flight").isTrue();
      first.failed();
    }
  }

  @Test
  void successForgetsTheUsersFailuresButNotTheAddresses() {
    LoginThrottle throttle = defaults();
    for (int i = 0; i < 5; i++) {
      fail(throttle, "10.0.0.1", "u");
    }
    clock.advance(Duration.ofSeconds(1));
    try (LoginThrottle.Attempt attempt = throttle.attempt("10.0.0.1", "u")) {
      attempt.succeeded();
    }
    assertThat(tryNow(throttle, "10.0.0.2", "u")).isZero();
    fail(throttle, "10.0.0.2", "u");
    assertThat(tryNow(throttle, "10.0.0.3", "u")).as("counting starts again").isZero();
  }

  @Test
  void failuresAreForgottenAfterAQuietPeriod() {
    LoginThrottle throttle = defaults();
    for (int i = 0; i < 5; i++) {
      fail(throttle, "10.0.0.1", "u");
    }
    clock.advance(Duration.ofMinutes(15));
    for (int i = 0; i < 4; i++) {
      assertThat(fail(throttle, "10.0.0.1", "u")).isZero();
    }
  }

  @Test
  void memoryIsBounded() {
    LoginThrottle throttle = new LoginThrottle(new LoginThrottleProperties(null, null, null, null, 100, 100, null, 100, null), clock,
        new InMemoryLoginState());
    for (int i = 0; i < 10_000; i++) {
      fail(throttle, "10.0." + (i / 256) + "." + (i % 256), "user-" + i + "-" + "x".repeat(1000));
    }
    for (int i = 0; i < 10_000; i++) {
      try (LoginThrottle.Attempt attempt = throttle.attempt("10.1." + (i / 256) + "." + (i % 256), "user-" + i)) {
        attempt.succeeded();
      }
    }
    assertThat(throttle.remembered()).isLessThanOrEqualTo(300);
  }

  /** A node of a cluster: two free failures per user, locked at the third, refreshed before every attempt. */
  private LoginThrottle node(InMemoryLoginState shared) {
    return new LoginThrottle(new LoginThrottleProperties(null,
        new LoginThrottleProperties.Limits(2, 3, Duration.ofMinutes(15), Duration.ofMinutes(15)),
        Duration.ofSeconds(1), Duration.ofSeconds(30), 100, 100, Duration.ofDays(30), 100, Duration.ZERO), clock, shared);
  }

  @Test
  void failuresOnOneNodeCountOnAnotherAndALockHoldsOnBoth() {
    InMemoryLoginState shared = new InMemoryLoginState();
    LoginThrottle a = node(shared);
    LoginThrottle b = node(shared);

    fail(a, "10.0.0.1", "u");
    fail(b, "10.0.0.2", "u");
    assertThat(tryNow(a, "10.0.0.3", "u")).as("A waits after the failure counted on B").isEqualTo(1);
    clock.advance(Duration.ofSeconds(1));
    assertThat(fail(a, "10.0.0.3", "u")).isZero();

    assertThat(tryNow(b, "10.0.0.4", "u")).as("locked on B by the third failure, counted on A").isEqualTo(15 * 60);
    assertThat(tryNow(a, "10.0.0.5", "u")).isEqualTo(15 * 60);
    clock.advance(Duration.ofMinutes(15));
    assertThat(tryNow(b, "10.0.0.4", "u")).isZero();
  }

  @Test
  void anAddressKnownOnOneNodeLetsTheUserInOnAnother() {
    InMemoryLoginState shared = new InMemoryLoginState();
    LoginThrottle a = node(shared);
    LoginThrottle b = node(shared);
    try (LoginThrottle.Attempt office = a.attempt("10.1.1.1", "u")) {
      office.succeeded();
    }
    for (int i = 0; i < 3; i++) {
      clock.advance(Duration.ofSeconds(1));
      fail(a, "10.9.9." + i, "u");
    }
    assertThat(tryNow(b, "10.9.9.9", "u")).as("strangers locked the name").isPositive();
    assertThat(tryNow(b, "10.1.1.1", "u")).as("the office address, known from the login on A").isZero();
  }

  @Test
  void anOrdinaryLoginWritesNothingSharedBeyondItsAddressOnceADay() {
    InMemoryLoginState shared = new InMemoryLoginState();
    LoginThrottle a = node(shared);
    for (int i = 0; i < 100; i++) {
      try (LoginThrottle.Attempt attempt = a.attempt("10.1.1.1", "u")) {
        attempt.succeeded();
      }
    }
    assertThat(shared.writes).as("the known address, once").isEqualTo(1);
    clock.advance(Duration.ofDays(1));
    try (LoginThrottle.Attempt attempt = a.attempt("10.1.1.1", "u")) {
      attempt.succeeded();
    }
    assertThat(shared.writes).isEqualTo(2);
  }

  @Test
  void aFailureThatCannotBeRecordedStillEndsTheAttempt() {
    InMemoryLoginState shared = new InMemoryLoginState();
    LoginThrottle a = node(shared);
    shared.down = true;
    try (LoginThrottle.Attempt attempt = a.attempt("10.0.0.1", "u")) {
      org.assertj.core.api.Assertions.assertThatThrownBy(attempt::failed).isInstanceOf(IllegalStateException.class);
    }
    assertThat(a.remembered()).as("no attempt left in flight").isZero();
  }

  /** One failed attempt; returns the wait if the throttle refused it instead. */
  private static long fail(LoginThrottle throttle, String address, String user) {
    try (LoginThrottle.Attempt attempt = throttle.attempt(address, user)) {
      if (attempt.refused()) {
        return attempt.retryAfterSeconds();
      }
      attempt.failed();
      return 0;
    }
  }

  /** The wait the throttle asks for now (0: an attempt would be allowed); changes nothing. */
  private static long tryNow(LoginThrottle throttle, String address, String user) {
    try (LoginThrottle.Attempt attempt = throttle.attempt(address, user)) {
      return attempt.retryAfterSeconds();
    }
  }

}
