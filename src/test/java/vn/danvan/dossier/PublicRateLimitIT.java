package vn.danvan.dossier;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;
import vn.danvan.support.Http;
import vn.danvan.support.RunningApplicationTest;

/**
 * The public endpoints are rate-limited per client address, each family with its own budget: over
 * the limit, 429 with Retry-After and a JSON body. A context of its own, with 3 lookups and 2
 * verifications a minute. Its engine has its own name: a second engine named "default" would take
 * the shared context's place in Camunda's static engine registry.
 */
@TestPropertySource(properties = {"danvan.public.rate-limit.per-minute=3",
    "danvan.public.rate-limit.verify-per-minute=2", "camunda.bpm.process-engine-name=publicRateLimit"})
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
    // no proxy is trusted here: a client naming another address in X-Forwarded-For is still itself
    assertThat(http.send(http.request("/api/public/dossiers/DONGHA-000000-0000?phone4=1234", null)
        .header("X-Forwarded-For", "198.51.100.99").GET().build()).status()).isEqualTo(429);
    // the officials' API and the page are not limited
    assertThat(http.get("/api/procedures", "dongha.officer").status()).isEqualTo(200);
    assertThat(http.get("/tra-cuu.html").status()).isEqualTo(200);
  }

  @Test
  void thirdVerificationInAMinuteIsRefusedBeforeTheUploadIsRead() {
    byte[] notAPdf = "không phải PDF".getBytes(java.nio.charset.StandardCharsets.UTF_8);
    for (int i = 0; i < 2; i++) {
      assertThat(verify(notAPdf).status()).isEqualTo(400);
    }
    Http.Answer refused = verify(notAPdf);
    assertThat(refused.status()).isEqualTo(429);
    assertThat(refused.headers().firstValue("Retry-After")).hasValueSatisfying(v ->
        assertThat(Long.parseLong(v)).isBetween(1L, 30L));
    assertThat(refused.json().path("error").asText()).startsWith("Too many requests");
    // the page itself is not limited
    assertThat(http.get("/verify.html").status()).isEqualTo(200);
  }

  private Http.Answer verify(byte[] content) {
    String boundary = "danvan-boundary";
    byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"x.pdf\"\r\n"
        + "Content-Type: application/pdf\r\n\r\n").getBytes(java.nio.charset.StandardCharsets.UTF_8);
    byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(java.nio.charset.StandardCharsets.UTF_8);
    var body = new java.io.ByteArrayOutputStream();
    body.writeBytes(head);
    body.writeBytes(content);
    body.writeBytes(tail);
    return http.send(http.request("/api/signatures/verify", null)
        .header("Content-Type", "multipart/form-data; boundary=" + boundary)
        .POST(java.net.http.HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build());
  }
}
