package vn.danvan.config;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Lets at most a fixed number of authenticated API requests ({@code /engine-rest}, {@code /api}) run
 * at once on this node; the others wait their turn, first come first served
 * ({@code danvan.performance.api-concurrency}, {@code auto}: twice the processors).
 *
 * <p>The API's work is CPU work on this node and its database. With every request running at once,
 * sixteen clients on two cores each get an eighth of a core, and a heavy request (a reception draws
 * up and stores the receipt) takes eight times its own time; waiting in line instead, it waits for
 * the requests ahead of it and then runs at full speed, and the node does the same work with less
 * switching between threads and fewer open transactions. A request waits at most
 * {@code api-queue-timeout} (30 s) and is then refused with 503 and {@code Retry-After}, having
 * changed nothing. Public pages, the webapps and their own API, and the job executor are not counted.
 * {@code off}: no limit (the stock setting).
 *
 * <p>The counter's own requests go first ({@link #atTheCounter}: a reception, a supplement, a
 * withdrawal): the citizen stands at the desk while the officer waits for the receipt, where the
 * back office's steps can wait a moment. Among themselves both lanes are first come first served.
 * Counter requests are a small share of the work (one reception per dossier against a dozen
 * back-office requests); while the back office waits, the counter takes at most
 * {@value AdmissionLine#COUNTER_STREAK} places in a row, so a burst slows it down but never shuts it out.
 */
final class ApiAdmission extends AuthenticatedApiFilter {

  private static final Logger LOG = LoggerFactory.getLogger(ApiAdmission.class);

  private final AdmissionLine line;
  private final long waitNanos;

  ApiAdmission(int concurrent, Duration wait, Predicate<String> isPublicPath) {
    super(isPublicPath);
    this.line = new AdmissionLine(concurrent);
    this.waitNanos = wait.toNanos();
  }

  /** How many requests wait: in the counter's lane, in the other. */
  int[] waiting() {
    return line.waiting();
  }

  /** A request of the one-stop counter's desk, made while the citizen waits: a write of {@code /api/dossiers…}. */
  static boolean atTheCounter(HttpServletRequest request) {
    String path = pathOf(request);
    return "POST".equals(request.getMethod()) && (path.equals("/api/dossiers") || path.startsWith("/api/dossiers/"));
  }

  /** The number of requests that run at once: {@code auto} (twice the processors, at least 4), or a number. */
  static int concurrency(String setting, int processors) {
    String value = setting == null ? "auto" : setting.strip().toLowerCase(Locale.ROOT);
    if (value.equals("auto")) {
      return Math.max(4, 2 * processors);
    }
    try {
      int n = Integer.parseInt(value);
      if (n > 0) {
        return n;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new IllegalArgumentException("danvan.performance.api-concurrency must be auto, off or a positive number,"
        + " not '" + setting + "'");
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    boolean admitted;
    try {
      admitted = line.enter(atTheCounter(request), waitNanos);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      admitted = false;
    }
    if (!admitted) {
      LOG.warn("{} {} refused: waited {} s for one of the API's places", request.getMethod(), request.getRequestURI(),
          TimeUnit.NANOSECONDS.toSeconds(waitNanos));
      response.setHeader("Retry-After", "5");
      JsonAnswer.write(response, HttpServletResponse.SC_SERVICE_UNAVAILABLE,
          ApiError.of("The server is busy; nothing was changed, try again in a few seconds"));
      return;
    }
    try {
      chain.doFilter(request, response);
    } finally {
      line.leave();
    }
  }
}
