package vn.danvan.signing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Prints how long signing and verifying a small PDF takes; no timing assertion (shared CI machines). */
class SigningBenchmarkTest {

  private static final int WARM_UP = 5;
  private static final int RUNS = 30;

  @Test
  void printsTheMedianTimeOfSignAndVerify() {
    CertificateAuthority ca = CertificateAuthority.create("Benchmark Root CA");
    PdfSigner signer = new PdfSigner(SigningKeys.of(ca.issue("dongha", "Phường Đông Hà", "Phường Đông Hà", null)));
    SignatureVerifier verifier = new SignatureVerifier(TrustAnchors.of(ca.certificate()));
    byte[] pdf = TestPdfs.simple();
    SignatureDetails details = SignatureDetails.of("Phê duyệt", "Phường Đông Hà");
    List<Double> millis = new ArrayList<>();
    for (int i = 0; i < WARM_UP + RUNS; i++) {
      long start = System.nanoTime();
      VerificationReport report = verifier.verify(signer.signAsUnit(pdf, "dongha", details));
      double elapsed = (System.nanoTime() - start) / 1_000_000.0;
      assertThat(report.valid()).isTrue();
      if (i >= WARM_UP) {
        millis.add(elapsed);
      }
    }
    Collections.sort(millis);
    double median = (millis.get(RUNS / 2 - 1) + millis.get(RUNS / 2)) / 2;
    System.out.printf(java.util.Locale.ROOT, "BENCHMARK sign+verify median_ms=%.1f (n=%d)%n", median, RUNS);
  }
}
