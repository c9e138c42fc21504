package vn.danvan.support;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Debian's nginx, which the tests of the reverse proxy run for real. As for the browser: skipped on
 * a developer machine without it, a failure in CI ({@code CI=true}), where {@code .ci/run} installs it.
 */
public final class Nginx {

  public static final Path BINARY = Path.of("/usr/sbin/nginx");

  private Nginx() {}

  /** The nginx binary; skips the test without it, fails it in CI. */
  public static Path require() {
    boolean installed = Files.isExecutable(BINARY);
    if (!installed && "true".equals(System.getenv("CI"))) {
      throw new IllegalStateException("The proxy tests need " + BINARY + " (apt-get install nginx); .ci/run installs it");
    }
    assumeTrue(installed, "Skipped: install Debian's nginx to run the proxy tests");
    return BINARY;
  }
}
