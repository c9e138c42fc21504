package vn.danvan.document;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * Prints how long composing and rendering one document takes (median of 50, after a warm-up), as
 * {@code BENCHMARK document.generate median_ms=…}. It measures, it does not judge: no assertion on
 * time, because build machines differ and other builds share them.
 */
class DocumentGenerationBenchmarkIT {

  static final int RUNS = 50;

  @Test
  void printsMedianGenerationTime() {
    DocumentPdfRenderer renderer = new DocumentPdfRenderer();
    DocumentKind[] kinds = new DocumentTemplates().kinds().toArray(DocumentKind[]::new);
    for (int i = 0; i < 10; i++) {
      renderer.render(DocumentPdfRendererTest.sample(kinds[i % kinds.length], SampleDocuments.allFields()));
    }
    double[] millis = new double[RUNS];
    long bytes = 0;
    for (int i = 0; i < RUNS; i++) {
      long start = System.nanoTime();
      byte[] pdf = renderer.render(DocumentPdfRendererTest.sample(kinds[i % kinds.length], SampleDocuments.allFields()));
      millis[i] = (System.nanoTime() - start) / 1e6;
      bytes += pdf.length;
    }
    Arrays.sort(millis);
    double median = (millis[RUNS / 2 - 1] + millis[RUNS / 2]) / 2;
    System.out.printf("BENCHMARK document.generate median_ms=%.1f p90_ms=%.1f n=%d avg_kb=%d%n", median,
        millis[(int) (RUNS * 0.9)], RUNS, bytes / RUNS / 1024);
    assertThat(bytes).isPositive();
  }
}
