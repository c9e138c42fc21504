package vn.danvan.signing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import vn.danvan.document.DocumentKind;
import vn.danvan.document.DocumentRequest;
import vn.danvan.document.DocumentService;
import vn.danvan.document.SampleDocuments;
import vn.danvan.document.StoredDocument;
import vn.danvan.support.PostgresIntegrationTest;

/**
 * Prints what one result costs end to end on PostgreSQL: generate (number, render, store), sign
 * (leader, then unit seal) and verify, as medians of many runs after a warm-up. It measures; it
 * asserts nothing about time.
 */
@PostgresIntegrationTest
class DocumentLifecycleBenchmarkIT {

  static final int WARM_UP = 5;
  static final int RUNS = 40;

  @Autowired DocumentService documents;
  @Autowired DocumentSigningService signing;
  @Autowired SignatureVerifier verifier;

  @Test
  void printsMedianGenerateSignVerifyTime() {
    double[] generate = new double[RUNS];
    double[] sign = new double[RUNS];
    double[] verify = new double[RUNS];
    double[] total = new double[RUNS];
    for (int i = -WARM_UP; i < RUNS; i++) {
      long t0 = System.nanoTime();
      StoredDocument document = documents.create(
          DocumentRequest.of("dongha", "benchmark", DocumentKind.RESULT, SampleDocuments.allFields()));
      long t1 = System.nanoTime();
      signing.sign(document.id(), "dongha", SignerRole.LEADER_AND_UNIT, "dongha.chairman", "Phê duyệt kết quả");
      long t2 = System.nanoTime();
      VerificationReport report = verifier.verify(documents.content(document.id()).orElseThrow());
      long t3 = System.nanoTime();
      assertThat(report.valid()).isTrue();
      if (i >= 0) {
        generate[i] = (t1 - t0) / 1e6;
        sign[i] = (t2 - t1) / 1e6;
        verify[i] = (t3 - t2) / 1e6;
        total[i] = (t3 - t0) / 1e6;
      }
    }
    System.out.printf("BENCHMARK document.generate+sign+verify median_ms=%.1f (generate %.1f, sign %.1f, verify %.1f) n=%d%n",
        median(total), median(generate), median(sign), median(verify), RUNS);
  }

  private static double median(double[] values) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    return (sorted[sorted.length / 2 - 1] + sorted[sorted.length / 2]) / 2;
  }
}
