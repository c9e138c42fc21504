package vn.danvan.document;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.util.Arrays;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * Prints how long composing and rendering one document takes (median of 50, after a warm-up) and
 * what it allocates, with the font cache ({@code danvan.performance.pdf-font-cache}) on and off, as
 * {@code BENCHMARK document.generate font-cache=on median_ms=… alloc_kb=…}. It measures, it does not
 * judge: no assertion on time, because build machines differ and other builds share them.
 */
class DocumentGenerationBenchmarkIT {

  static final int RUNS = Integer.getInteger("bench.runs", 50);

  @Test
  void printsMedianGenerationTimeAndAllocationWithAndWithoutTheFontCache() {
    measure(false);
    measure(true);
  }

  private static void measure(boolean fontCache) {
    DocumentPdfRenderer renderer = new DocumentPdfRenderer(fontCache);
    DocumentKind[] kinds = new DocumentTemplates().kinds().toArray(DocumentKind[]::new);
    DocumentText[] texts = new DocumentText[RUNS];
    for (int i = 0; i < RUNS; i++) {
      texts[i] = DocumentPdfRendererTest.sample(kinds[i % kinds.length], SampleDocuments.allFields());
    }
    for (int i = 0; i < 20; i++) {
      renderer.render(texts[i % RUNS]);
    }
    com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    long thread = Thread.currentThread().getId();
    double[] millis = new double[RUNS];
    long bytes = 0;
    long allocatedBefore = threads.getThreadAllocatedBytes(thread);
    for (int i = 0; i < RUNS; i++) {
      long start = System.nanoTime();
      byte[] pdf = renderer.render(texts[i]);
      millis[i] = (System.nanoTime() - start) / 1e6;
      bytes += pdf.length;
    }
    long allocated = threads.getThreadAllocatedBytes(thread) - allocatedBefore;
    Arrays.sort(millis);
    double median = (millis[RUNS / 2 - 1] + millis[RUNS / 2]) / 2;
    System.out.printf(Locale.ROOT, "BENCHMARK document.generate font-cache=%s median_ms=%.1f p90_ms=%.1f n=%d avg_kb=%d alloc_kb=%d%n",
        fontCache ? "on" : "off", median, millis[(int) (RUNS * 0.9)], RUNS, bytes / RUNS / 1024, allocated / RUNS / 1024);
    assertThat(bytes).isPositive();
  }
}
