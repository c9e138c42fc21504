package vn.danvan.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/** {@link TransactionWrites} without a database: what is held, when it is inserted, and when it is off. */
class TransactionWritesTest {

  /** A row: key and version. */
  private record Row(String id, String version) {}

  /** Every insert's rows, in the order of the inserts. */
  private final List<List<String>> inserts = new ArrayList<>();

  private TransactionWrites<Row> writes(boolean enabled) {
    return new TransactionWrites<>(enabled, Row::id,
        rows -> inserts.add(rows.stream().map(r -> r.id() + ":" + r.version()).toList()));
  }

  @AfterEach
  void clear() {
    SimulatedTransaction.clear();
  }

  @Test
  void aRowCreatedAndChangedInATransactionIsInsertedOnceInItsLastVersionAtTheCommit() {
    TransactionWrites<Row> writes = writes(true);
    SimulatedTransaction.begin();
    writes.insert(new Row("a", "draft"));
    writes.insert(new Row("b", "draft"));
    assertThat(inserts).as("nothing before the commit").isEmpty();
    assertThat(writes.held("a")).contains(new Row("a", "draft"));
    assertThat(writes.replace(new Row("a", "signed"))).isTrue();
    assertThat(writes.replace(new Row("c", "signed"))).as("not created here: the caller updates the table").isFalse();
    assertThat(writes.held("a")).contains(new Row("a", "signed"));
    assertThat(writes.held("c")).isEmpty();
    SimulatedTransaction.commit();
    assertThat(inserts).containsExactly(List.of("a:signed", "b:draft"));
    assertThat(writes.held("a")).as("nothing held after the transaction").isEmpty();
  }

  @Test
  void aFlushInsertsTheHeldRowsAndLaterChangesAreTheCallersAgain() {
    TransactionWrites<Row> writes = writes(true);
    SimulatedTransaction.begin();
    writes.insert(new Row("a", "draft"));
    writes.flush();
    assertThat(inserts).containsExactly(List.of("a:draft"));
    assertThat(writes.held("a")).isEmpty();
    assertThat(writes.replace(new Row("a", "signed"))).isFalse();
    writes.flush();
    SimulatedTransaction.commit();
    assertThat(inserts).as("inserted once").hasSize(1);
  }

  @Test
  void aRowCreatedWhileCommittingIsInsertedAtOnce() {
    TransactionWrites<Row> writes = writes(true);
    SimulatedTransaction.begin();
    writes.insert(new Row("a", "draft"));
    TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
      @Override
      public void beforeCommit(boolean readOnly) {
        writes.insert(new Row("late", "draft"));
      }
    });
    SimulatedTransaction.commit();
    assertThat(inserts).containsExactly(List.of("a:draft"), List.of("late:draft"));
  }

  @Test
  void offOrOutsideATransactionEveryRowIsInsertedAtOnce() {
    TransactionWrites<Row> outside = writes(true);
    outside.insert(new Row("a", "draft"));
    assertThat(outside.held("a")).isEmpty();
    assertThat(outside.replace(new Row("a", "signed"))).isFalse();

    TransactionWrites<Row> off = writes(false);
    SimulatedTransaction.begin();
    off.insert(new Row("b", "draft"));
    assertThat(off.replace(new Row("b", "signed"))).isFalse();
    SimulatedTransaction.commit();
    assertThat(inserts).containsExactly(List.of("a:draft"), List.of("b:draft"));
  }

  @Test
  void aTransactionWithinAnotherHoldsItsOwnRows() {
    TransactionWrites<Row> writes = writes(true);
    SimulatedTransaction.begin();
    writes.insert(new Row("outer", "draft"));
    // REQUIRES_NEW: Spring suspends the outer transaction's synchronizations
    List<TransactionSynchronization> suspended = TransactionSynchronizationManager.getSynchronizations();
    TransactionSynchronizationManager.clearSynchronization();
    SimulatedTransaction.begin();
    assertThat(writes.held("outer")).isEmpty();
    writes.insert(new Row("inner", "draft"));
    SimulatedTransaction.commit();
    assertThat(inserts).containsExactly(List.of("inner:draft"));
    TransactionSynchronizationManager.initSynchronization();
    TransactionSynchronizationManager.setActualTransactionActive(true);
    suspended.forEach(TransactionSynchronizationManager::registerSynchronization);
    assertThat(writes.held("outer")).isPresent();
    SimulatedTransaction.commit();
    assertThat(inserts).containsExactly(List.of("inner:draft"), List.of("outer:draft"));
  }
}
