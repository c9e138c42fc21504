package vn.danvan.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.concurrent.TimeUnit;

/** Reads signed PDFs with poppler's independent tools, as a citizen's or an auditor's software would. */
public final class Poppler {

  private Poppler() {}

  /** The PDF's text as {@code pdftotext} reads it, NFC, one stripped line per text line. */
  public static String text(Path pdf) throws IOException, InterruptedException {
    return Normalizer.normalize(run("pdftotext", "-enc", "UTF-8", pdf.toString(), "-"), Normalizer.Form.NFC)
        .lines().map(String::strip).reduce("", (a, b) -> a + b + "\n");
  }

  /** What {@code pdfsig} says about the PDF's signatures. */
  public static String signatures(Path pdf) throws IOException, InterruptedException {
    return run("pdfsig", pdf.toString());
  }

  private static String run(String... command) throws IOException, InterruptedException {
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).as(command[0] + " finished").isTrue();
    assertThat(process.exitValue()).as(command[0] + " exit code, output: " + output).isZero();
    return output;
  }
}
