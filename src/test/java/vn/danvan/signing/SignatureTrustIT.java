package vn.danvan.signing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import vn.danvan.support.Http;
import vn.danvan.support.RunningApplicationTest;

/**
 * {@code POST /api/signatures/verify} through HTTP with the operator's trust configuration every
 * test context starts with ({@link TestPki.Operator}: root CAs, a time-stamp authority and CRL
 * files, one fresh, one out of date, generated with Bouncy Castle). Also the limits: a 1 GB flate
 * bomb in a 1 MB PDF and the concurrency cap.
 */
class SignatureTrustIT extends RunningApplicationTest {

  static final SigningKey TSA = TestPki.Operator.TSA;
  static final Instant REVOKED_AT = TestPki.Operator.REVOKED_AT;

  @Autowired
  PdfSigner demoSigner;

  @Autowired
  VerificationGate gate;

  @Test
  void expiredCertificateWithBackdatedSigningTimeIsReportedExpired() {
    JsonNode signature = verified(sign("expired", TestPki.years(-2)));

    assertThat(signature.path("integrity").asBoolean()).isTrue();
    assertThat(signature.path("certificateExpired").asBoolean()).isTrue();
    assertThat(signature.path("trusted").asBoolean()).isFalse();
    assertThat(signature.path("valid").asBoolean()).isFalse();
    assertThat(signature.path("timestamped").asBoolean()).isFalse();
    assertThat(OffsetDateTime.parse(signature.path("signingTime").asText()).toInstant()).isBefore(TestPki.years(-1));
    assertThat(OffsetDateTime.parse(signature.path("validationTime").asText()).toInstant())
        .isAfter(TestPki.NOW.minusSeconds(1));
  }

  @Test
  void expiredCertificateIsTrustedWhenTheConfiguredTsaStampedTheSignatureWhileItWasValid() {
    Instant genTime = TestPki.years(-2).truncatedTo(ChronoUnit.SECONDS);
    JsonNode signature = verified(TestPki.timestamp(sign("expired", genTime), TSA, genTime, null));

    assertThat(signature.path("timestamped").asBoolean()).isTrue();
    assertThat(OffsetDateTime.parse(signature.path("validationTime").asText()).toInstant()).isEqualTo(genTime);
    assertThat(signature.path("certificateExpired").asBoolean()).isFalse();
    assertThat(signature.path("trusted").asBoolean()).isTrue();
    assertThat(signature.path("valid").asBoolean()).isTrue();
  }

  @Test
  void revokedCertificateIsReportedRevoked() {
    JsonNode signature = verified(sign("revoked", TestPki.days(-5)));

    assertThat(signature.path("integrity").asBoolean()).isTrue();
    assertThat(signature.path("revocation").asText()).isEqualTo("REVOKED");
    assertThat(OffsetDateTime.parse(signature.path("revokedAt").asText()).toInstant()).isEqualTo(REVOKED_AT);
    assertThat(signature.path("trusted").asBoolean()).isFalse();
    assertThat(signature.path("valid").asBoolean()).isFalse();
  }

  @Test
  void certificateOfACaWhoseCrlIsOutOfDateIsNotTrusted() {
    JsonNode signature = verified(sign("stale", null));

    assertThat(signature.path("revocation").asText()).isEqualTo("STALE");
    assertThat(signature.path("trusted").asBoolean()).isFalse();
  }

  @Test
  void currentCertificateNotOnTheCrlIsValidAndTheDemoKeysStillVerify() {
    JsonNode good = verified(sign("good", null));
    assertThat(good.path("revocation").asText()).isEqualTo("GOOD");
    assertThat(good.path("valid").asBoolean()).isTrue();

    byte[] demo = demoSigner.signAsUnit(TestPdfs.simple(), "dongha", SignatureDetails.of("Phê duyệt", "Phường Đông Hà"));
    JsonNode seal = verified(demo);
    assertThat(seal.path("valid").asBoolean()).isTrue();
    assertThat(seal.path("revocation").asText()).isEqualTo("NOT_CHECKED");
  }

  @Test
  void flateBombIsRefusedWith422AtTheDecodeCap() {
    byte[] bomb = FlateBombs.gigabyteBomb();
    Runtime runtime = Runtime.getRuntime();
    long heapBefore = runtime.totalMemory() - runtime.freeMemory();
    long start = System.nanoTime();

    Http.Answer answer = Uploads.verify(http, bomb);

    System.out.printf("HTTP: %d-byte flate bomb (1 GB inflated) answered %d in %d ms; heap %+d MB%n", bomb.length,
        answer.status(), (System.nanoTime() - start) / 1_000_000,
        (runtime.totalMemory() - runtime.freeMemory() - heapBefore) >> 20);
    assertThat(answer.status()).as(answer.body()).isEqualTo(422);
    JsonNode json = answer.json();
    assertThat(json.path("reason").asText()).isEqualTo("DECODE_LIMIT");
    assertThat(json.path("field").asText()).isEqualTo("file");
    assertThat(json.path("error").asText()).contains("decompress");
    // the budget's own counter: decoding stopped at the cap, far from the bomb's 1 GB
    assertThat(json.path("decodeLimitBytes").asLong()).isEqualTo(32L << 20);
    assertThat(json.path("decodedBytes").asLong()).isPositive().isLessThanOrEqualTo(json.path("decodeLimitBytes").asLong());
    // the verifier is free again
    assertThat(gate.available()).isEqualTo(2);
  }

  @Test
  void verificationsOverTheConcurrencyCapGet503WithRetryAfter() {
    byte[] signed = sign("good", null);
    try (var first = gate.enter(); var second = gate.enter()) {
      Http.Answer busy = Uploads.verify(http, signed);

      assertThat(busy.status()).isEqualTo(503);
      assertThat(busy.headers().firstValue("Retry-After")).hasValue("5");
      assertThat(busy.json().path("reason").asText()).isEqualTo("BUSY");
      assertThat(busy.json().path("error").asText()).contains("try again");
    }
    assertThat(Uploads.verify(http, signed).status()).isEqualTo(200);
  }

  @Test
  void thePublicPageExplainsExpiryRevocationAndTimestampsInVietnamese() {
    // the texts live in the page's script (no inline code under the Content-Security-Policy)
    String page = http.get("/verify.js").body();

    assertThat(page).contains("Chứng thư số đã hết hạn tại thời điểm kiểm tra").contains("Chứng thư số đã bị thu hồi")
        .contains("certificateExpired").contains("revocation").contains("timestamped").contains("DECODE_LIMIT");
  }

  private JsonNode verified(byte[] pdf) {
    Http.Answer answer = Uploads.verify(http, pdf);
    assertThat(answer.status()).as(answer.body()).isEqualTo(200);
    assertThat(answer.json().path("signatures")).hasSize(1);
    return answer.json().path("signatures").get(0);
  }

  private static byte[] sign(String key, Instant claimed) {
    return TestPki.Operator.SIGNER.signAsUnit(TestPdfs.simple(), key, new SignatureDetails("Phê duyệt", "Đông Hà",
        claimed == null ? null : claimed.truncatedTo(ChronoUnit.SECONDS)));
  }
}
