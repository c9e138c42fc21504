package vn.danvan.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.camunda.bpm.engine.authorization.Authorization;
import org.junit.jupiter.api.Test;

/** {@link AuthorizationFacts} on a moved clock: kept for its time to live, forgotten by a widening write. */
class AuthorizationFactsTest {

  private final AtomicLong now = new AtomicLong(1_000_000_000L);
  private final AtomicInteger loads = new AtomicInteger();
  private final AuthorizationFacts facts = new AuthorizationFacts(Duration.ofSeconds(5), now::get);

  private AuthorizationFacts.Facts load() {
    loads.incrementAndGet();
    return new AuthorizationFacts.Facts(Set.of("dongha-officers", "g" + loads.get()), false);
  }

  @Test
  void theDatabaseIsAskedOncePerTimeToLive() {
    AuthorizationFacts.Facts first = facts.get(this::load);
    now.addAndGet(Duration.ofMillis(4_999).toNanos());
    assertThat(facts.get(this::load)).isSameAs(first);
    assertThat(loads).hasValue(1);
    now.addAndGet(Duration.ofMillis(1).toNanos());
    assertThat(facts.get(this::load).groupsWithAuthorizations()).contains("g2");
    assertThat(loads).hasValue(2);
  }

  @Test
  void forgettingMakesTheNextQuestionAskTheDatabase() {
    facts.get(this::load);
    facts.forget();
    facts.get(this::load);
    assertThat(loads).hasValue(2);
  }

  @Test
  void anAnswerReadWhileAWriteWasForgottenIsNotTrusted() {
    // a write forgets the facts while this load is reading the table: its answer may be older
    facts.get(() -> {
      facts.forget();
      return load();
    });
    facts.get(this::load);
    assertThat(loads).hasValue(2);
    facts.get(this::load);
    assertThat(loads).hasValue(2);
  }

  @Test
  void aZeroTimeToLiveKeepsNothing() {
    AuthorizationFacts never = new AuthorizationFacts(Duration.ZERO, now::get);
    assertThat(never.enabled()).isFalse();
    never.get(this::load);
    never.get(this::load);
    assertThat(loads).hasValue(2);
  }

  @Test
  void aRevokeOrANewGroupWidensTheFactsAndNothingElseDoes() {
    AuthorizationFacts.Facts known = new AuthorizationFacts.Facts(Set.of("dongha-officers"), false);
    assertThat(facts.widens(null, Authorization.AUTH_TYPE_REVOKE, known)).isTrue();
    assertThat(facts.widens("dongha-officers", Authorization.AUTH_TYPE_REVOKE, known)).isTrue();
    assertThat(facts.widens("camlo-officers", Authorization.AUTH_TYPE_GRANT, known)).isTrue();
    assertThat(facts.widens("dongha-officers", Authorization.AUTH_TYPE_GRANT, known)).isFalse();
    assertThat(facts.widens(null, Authorization.AUTH_TYPE_GRANT, known)).isFalse();
  }
}
