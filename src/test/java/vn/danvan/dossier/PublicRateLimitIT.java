package vn.danvan.dossier;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;
import vn.danvan.support.Http;
import vn.danvan.support.RunningApplicationTest;

/**
 * The public lookup is rate-limited per client address: over the limit, 429 with Retry-After and a
 * JSON body. A context of its own, with a limit of 3 a minute. Its engine has its own name: a second
 * engine named "default" would take the shared context's place in Camunda's static engine registry,
 * and the shared context's {@code /engine-rest} would then answer from this context's database.
 */
@TestPropertySource(properties = {"danvan.public.rate-limit.per-minute=3",
    "camunda.bpm.process-engine-name=publicRateLimit"})
class PublicRateLimitIT extends RunningApplicationTest {

  @Test
  void fourthLookupInAMinuteIsRefusedWithRetryAfter() {
    for (int i = 0; i < 3; i++) {
      assertThat(http.get("/api/public/dossiers/DONGHA-000000-0000?phone4=1234").status()).isEqualTo(404);
    }
    Http.Answer refused = http.get("/api/public/dossiers/DONGHA-000000-0000?phone4=1234");
    assertThat(refused.status()).isEqualTo(429);
    assertThat(refused.headers().firstValue("Retry-After")).hasValueSatisfying(v ->
        assertThat(Long.parseLong(v)).isBetween(1L, 20L));
    assertThat(refused.json().path("error").asText()).startsWith("Too many requests");
    // the officials' API and the page are not limited
    assertThat(http.get("/api/procedures", "dongha.officer").status()).isEqualTo(200);
    assertThat(http.get("/tra-cuu.html").status()).isEqualTo(200);
  }
}
