package vn.danvan.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** {@link TransactionReads} without a database: what is kept, for how long, and when it is off. */
class TransactionReadsTest {

  private final AtomicInteger loads = new AtomicInteger();

  private Supplier<List<String>> row(String value) {
    return () -> {
      loads.incrementAndGet();
      return List.of(value);
    };
  }

  @AfterEach
  void clear() {
    SimulatedTransaction.clear();
  }

  @Test
  void aWrittenRowIsKeptWithoutALoadAndNothingOutsideATransaction() {
    TransactionReads<String> reads = new TransactionReads<>(true, v -> "a");
    reads.written("outside");
    assertThat(reads.get("a", row("loaded"))).as("outside a transaction nothing is kept").contains("loaded");
    SimulatedTransaction.begin();
    assertThat(reads.get("a", row("before"))).contains("before");
    reads.written("after the write");
    assertThat(reads.get("a", row("read again"))).contains("after the write");
    assertThat(loads).hasValue(2);
    assertThat(reads.written(List.of())).as("a write of no row keeps nothing").isZero();
    assertThat(reads.get("a", row("still kept"))).contains("after the write");
    assertThat(reads.written(List.of("answer"))).isEqualTo(1);
    assertThat(reads.get("a", row("not loaded"))).contains("answer");
    SimulatedTransaction.end();
    TransactionReads<String> off = new TransactionReads<>(false, v -> "a");
    SimulatedTransaction.begin();
    off.written("written");
    assertThat(off.get("a", row("switched off: loaded"))).contains("switched off: loaded");
    SimulatedTransaction.end();
  }

  @Test
  void aRowIsLoadedOncePerTransactionUntilForgotten() {
    TransactionReads<String> reads = new TransactionReads<>(true, v -> "a");
    SimulatedTransaction.begin();
    assertThat(reads.get("a", row("a1"))).contains("a1");
    assertThat(reads.get("a", row("a2"))).contains("a1");
    assertThat(reads.find("a1"::equals, row("a3"))).contains("a1");
    assertThat(loads).hasValue(1);
    reads.forget("a");
    assertThat(reads.get("a", row("a4"))).contains("a4");
    assertThat(loads).hasValue(2);
    SimulatedTransaction.end();
    SimulatedTransaction.begin();
    assertThat(reads.get("a", row("a5"))).as("a new transaction loads again").contains("a5");
    SimulatedTransaction.end();
  }

  @Test
  void nothingIsKeptOutsideATransactionOrWhenSwitchedOff() {
    TransactionReads<String> reads = new TransactionReads<>(true, v -> "a");
    reads.get("a", row("a1"));
    reads.get("a", row("a1"));
    assertThat(loads).as("no transaction").hasValue(2);
    TransactionReads<String> off = new TransactionReads<>(false, v -> "a");
    SimulatedTransaction.begin();
    off.get("a", row("a1"));
    off.get("a", row("a1"));
    assertThat(loads).as("switched off").hasValue(4);
    SimulatedTransaction.end();
  }

  @Test
  void aMissingOrAmbiguousRowIsNotKept() {
    TransactionReads<String> reads = new TransactionReads<>(true, v -> "a");
    SimulatedTransaction.begin();
    Supplier<List<String>> none = () -> {
      loads.incrementAndGet();
      return List.of();
    };
    assertThat(reads.get("a", none)).isEmpty();
    assertThat(reads.get("a", none)).isEmpty();
    assertThat(loads).hasValue(2);
    SimulatedTransaction.end();
  }
}
