package vn.danvan.config;

import java.util.List;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * A transaction as Spring's synchronization sees it, without a database: for the classes that
 * keep things with the current transaction ({@link TransactionReads}, {@link TransactionWrites}).
 */
final class SimulatedTransaction {

  private SimulatedTransaction() {}

  static void begin() {
    TransactionSynchronizationManager.initSynchronization();
    TransactionSynchronizationManager.setActualTransactionActive(true);
  }

  /** Commits as Spring does: before-commit in order, then cleared, then after-completion. */
  static void commit() {
    List<TransactionSynchronization> synchronizations = TransactionSynchronizationManager.getSynchronizations();
    synchronizations.forEach(s -> s.beforeCommit(false));
    TransactionSynchronizationManager.clear();
    synchronizations.forEach(s -> s.afterCompletion(TransactionSynchronization.STATUS_COMMITTED));
  }

  /** Ends it as Spring does after the commit's own work: cleared, then after-completion. */
  static void end() {
    List<TransactionSynchronization> synchronizations = TransactionSynchronizationManager.getSynchronizations();
    TransactionSynchronizationManager.clear();
    synchronizations.forEach(s -> s.afterCompletion(TransactionSynchronization.STATUS_COMMITTED));
  }

  /** After a test: nothing left on the thread. */
  static void clear() {
    if (TransactionSynchronizationManager.isSynchronizationActive()) {
      TransactionSynchronizationManager.clear();
    }
  }
}
