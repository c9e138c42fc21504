package vn.danvan.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.servlet.FilterChain;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

/** {@link ApiAdmission}: so many requests at once, the next in line after them, a refusal after the wait. */
class ApiAdmissionTest {

  private static MockHttpServletRequest request(String path) {
    MockHttpServletRequest request = new MockHttpServletRequest("POST", path);
    request.setRequestURI(path);
    return request;
  }

  @Test
  void autoIsTwiceTheProcessorsAndAtLeastFour() {
    assertThat(ApiAdmission.concurrency("auto", 2)).isEqualTo(4);
    assertThat(ApiAdmission.concurrency(" AUTO ", 8)).isEqualTo(16);
    assertThat(ApiAdmission.concurrency("6", 2)).isEqualTo(6);
    assertThatThrownBy(() -> ApiAdmission.concurrency("0", 2)).hasMessageContaining("api-concurrency");
    assertThatThrownBy(() -> ApiAdmission.concurrency("many", 2)).hasMessageContaining("many");
  }

  @Test
  void aRequestBeyondTheLimitWaitsForOneToEndAndThenRuns() throws Exception {
    ApiAdmission admission = new ApiAdmission(1, Duration.ofSeconds(10), path -> false);
    CountDownLatch firstRunning = new CountDownLatch(1);
    CountDownLatch releaseFirst = new CountDownLatch(1);
    List<String> order = new CopyOnWriteArrayList<>();
    Thread first = new Thread(() -> run(admission, (req, res) -> {
      order.add("first started");
      firstRunning.countDown();
      await(releaseFirst);
      order.add("first ended");
    }));
    first.start();
    assertThat(firstRunning.await(10, TimeUnit.SECONDS)).isTrue();
    Thread second = new Thread(() -> run(admission, (req, res) -> order.add("second started")));
    second.start();
    second.join(300);
    assertThat(order).as("the second waits while the first runs").containsExactly("first started");
    releaseFirst.countDown();
    first.join(10_000);
    second.join(10_000);
    assertThat(order).containsExactly("first started", "first ended", "second started");
  }

  @Test
  void aRequestThatWaitedTooLongIsRefusedWith503AndNeverRuns() throws Exception {
    ApiAdmission admission = new ApiAdmission(1, Duration.ofMillis(100), path -> false);
    Holder holder = Holder.holding(admission);
    List<String> ran = new CopyOnWriteArrayList<>();
    MockHttpServletResponse refused = new MockHttpServletResponse();
    admission.doFilter(request("/api/dossiers"), refused, (req, res) -> ran.add("ran"));
    holder.release();
    assertThat(ran).isEmpty();
    assertThat(refused.getStatus()).isEqualTo(503);
    assertThat(refused.getHeader("Retry-After")).isEqualTo("5");
    assertThat(refused.getContentAsString()).contains("busy");

    MockHttpServletResponse later = new MockHttpServletResponse();
    admission.doFilter(request("/api/dossiers"), later, (req, res) -> ran.add("ran"));
    assertThat(ran).as("the place is given back when the holder ends").containsExactly("ran");
  }

  @Test
  void publicPathsAreNotCounted() throws Exception {
    ApiAdmission admission = new ApiAdmission(1, Duration.ofMillis(50), path -> path.startsWith("/api/public/"));
    Holder holder = Holder.holding(admission);
    MockHttpServletResponse lookup = new MockHttpServletResponse();
    List<String> ran = new CopyOnWriteArrayList<>();
    admission.doFilter(request("/api/public/dossiers/X"), lookup, (req, res) -> ran.add("lookup"));
    holder.release();
    assertThat(ran).containsExactly("lookup");
  }

  @Test
  void aCounterRequestWaitingGetsTheNextPlaceBeforeTheBackOffice() throws Exception {
    ApiAdmission admission = new ApiAdmission(1, Duration.ofSeconds(10), path -> false);
    Holder holder = Holder.holding(admission);
    List<String> order = new CopyOnWriteArrayList<>();
    Thread backOffice = new Thread(() -> run(admission, "POST", "/engine-rest/task/1/complete",
        (req, res) -> order.add("back office")));
    backOffice.start();
    awaitWaiting(admission, 0, 1);
    Thread counter = new Thread(() -> run(admission, "POST", "/api/dossiers", (req, res) -> order.add("counter")));
    counter.start();
    awaitWaiting(admission, 1, 1);
    holder.release();
    counter.join(10_000);
    backOffice.join(10_000);
    assertThat(order).as("the later counter request went first").containsExactly("counter", "back office");
  }

  @Test
  void theCountersRequestsAreItsWrites() {
    assertThat(ApiAdmission.atTheCounter(request("/api/dossiers"))).isTrue();
    assertThat(ApiAdmission.atTheCounter(request("/api/dossiers/000.00.31.H48-261202-0001/supplement"))).isTrue();
    assertThat(ApiAdmission.atTheCounter(request("/api/dossiers/000.00.31.H48-261202-0001/withdrawal"))).isTrue();
    MockHttpServletRequest read = request("/api/dossiers/000.00.31.H48-261202-0001");
    read.setMethod("GET");
    assertThat(ApiAdmission.atTheCounter(read)).isFalse();
    assertThat(ApiAdmission.atTheCounter(request("/api/dossiersX"))).isFalse();
    assertThat(ApiAdmission.atTheCounter(request("/engine-rest/task/1/complete"))).isFalse();
  }

  private static void awaitWaiting(ApiAdmission admission, int counter, int others) throws InterruptedException {
    long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (System.nanoTime() < until) {
      int[] waiting = admission.waiting();
      if (waiting[0] == counter && waiting[1] == others) {
        return;
      }
      Thread.sleep(5);
    }
    assertThat(admission.waiting()).as("waiting in the counter's lane and the other").containsExactly(counter, others);
  }

  /** A request that holds the only place until released. */
  private record Holder(Thread thread, CountDownLatch done) {
    static Holder holding(ApiAdmission admission) throws InterruptedException {
      CountDownLatch running = new CountDownLatch(1);
      CountDownLatch release = new CountDownLatch(1);
      Thread thread = new Thread(() -> run(admission, (req, res) -> {
        running.countDown();
        await(release);
      }));
      thread.start();
      assertThat(running.await(10, TimeUnit.SECONDS)).as("the holder runs").isTrue();
      return new Holder(thread, release);
    }

    void release() throws InterruptedException {
      done.countDown();
      thread.join(10_000);
    }
  }

  private static void run(ApiAdmission admission, FilterChain chain) {
    run(admission, "POST", "/engine-rest/task/1/complete", chain);
  }

  private static void run(ApiAdmission admission, String method, String path, FilterChain chain) {
    MockHttpServletRequest request = request(path);
    request.setMethod(method);
    try {
      admission.doFilter(request, new MockHttpServletResponse(), chain);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static void await(CountDownLatch latch) {
    try {
      latch.await(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
