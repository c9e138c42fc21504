package vn.danvan.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** {@link AdmissionLine}: places, two lanes, first come first served in each, waits that end. */
class AdmissionLineTest {

  private static final long LONG = TimeUnit.SECONDS.toNanos(10);

  @Test
  void placesAreTakenUntilNoneIsLeft() throws Exception {
    AdmissionLine line = new AdmissionLine(2);
    assertThat(line.enter(false, 0)).isTrue();
    assertThat(line.enter(true, 0)).isTrue();
    assertThat(line.enter(true, TimeUnit.MILLISECONDS.toNanos(20))).as("none left, the wait ends").isFalse();
    assertThat(line.waiting()).as("a waiter whose wait ended leaves the line").containsExactly(0, 0);
    line.leave();
    assertThat(line.enter(false, 0)).isTrue();
    assertThatThrownBy(() -> new AdmissionLine(0)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void eachLaneIsFirstComeFirstServedAndTheCounterComesFirst() throws Exception {
    AdmissionLine line = new AdmissionLine(1);
    assertThat(line.enter(false, 0)).isTrue();
    List<String> order = new CopyOnWriteArrayList<>();
    List<Thread> threads = List.of(waiter(line, false, "other 1", order), waiter(line, false, "other 2", order),
        waiter(line, true, "counter 1", order), waiter(line, true, "counter 2", order));
    int[][] expected = {{0, 1}, {0, 2}, {1, 2}, {2, 2}};
    for (int i = 0; i < threads.size(); i++) {
      threads.get(i).start();
      awaitWaiting(line, expected[i]);
    }
    line.leave();
    for (Thread thread : threads) {
      thread.join(10_000);
    }
    assertThat(order).containsExactly("counter 1", "counter 2", "other 1", "other 2");
  }

  @Test
  void aBurstAtTheCounterLetsTheBackOfficeInAfterSoManyPlaces() throws Exception {
    AdmissionLine line = new AdmissionLine(1);
    assertThat(line.enter(false, 0)).isTrue();
    List<String> order = new CopyOnWriteArrayList<>();
    List<Thread> threads = new java.util.ArrayList<>();
    threads.add(waiter(line, false, "other 1", order));
    threads.add(waiter(line, false, "other 2", order));
    for (int i = 1; i <= 5; i++) {
      threads.add(waiter(line, true, "counter " + i, order));
    }
    int counters = 0;
    int others = 0;
    for (Thread thread : threads) {
      thread.start();
      if (others < 2) {
        others++;
      } else {
        counters++;
      }
      awaitWaiting(line, new int[] {counters, others});
    }
    line.leave();
    for (Thread thread : threads) {
      thread.join(10_000);
    }
    assertThat(order).containsExactly("counter 1", "counter 2", "counter 3", "other 1", "counter 4", "counter 5",
        "other 2");
  }

  @Test
  void aPlaceIsNotKeptForAWaiterThatGaveUp() throws Exception {
    AdmissionLine line = new AdmissionLine(1);
    assertThat(line.enter(false, 0)).isTrue();
    assertThat(line.enter(true, TimeUnit.MILLISECONDS.toNanos(20))).isFalse();
    line.leave();
    assertThat(line.enter(false, 0)).as("the place came back free").isTrue();
  }

  @Test
  void anInterruptedWaiterLeavesTheLine() throws Exception {
    AdmissionLine line = new AdmissionLine(1);
    assertThat(line.enter(false, 0)).isTrue();
    List<Throwable> thrown = new CopyOnWriteArrayList<>();
    Thread waiter = new Thread(() -> {
      try {
        line.enter(false, LONG);
      } catch (InterruptedException e) {
        thrown.add(e);
      }
    });
    waiter.start();
    awaitWaiting(line, new int[] {0, 1});
    waiter.interrupt();
    waiter.join(10_000);
    assertThat(thrown).hasSize(1);
    assertThat(line.waiting()).containsExactly(0, 0);
    line.leave();
    assertThat(line.enter(true, 0)).isTrue();
  }

  private static Thread waiter(AdmissionLine line, boolean counter, String name, List<String> order) {
    return new Thread(() -> {
      try {
        if (line.enter(counter, LONG)) {
          order.add(name);
          line.leave();
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    });
  }

  private static void awaitWaiting(AdmissionLine line, int[] expected) throws InterruptedException {
    long until = System.nanoTime() + LONG;
    while (System.nanoTime() < until && !java.util.Arrays.equals(line.waiting(), expected)) {
      Thread.sleep(2);
    }
    assertThat(line.waiting()).containsExactly(expected);
  }
}
