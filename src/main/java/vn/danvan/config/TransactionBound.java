package vn.danvan.config;

import java.util.function.Predicate;
import java.util.function.Supplier;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * What {@link TransactionReads}, {@link TransactionInserts} and {@link TransactionWrites} keep with
 * the current transaction hangs on a synchronization of it, not on the thread: a transaction
 * started inside it (REQUIRES_NEW) has synchronizations of its own while the outer one's are
 * suspended, so it neither sees nor changes the outer one's state.
 */
final class TransactionBound {

  private TransactionBound() {}

  /**
   * The synchronization of {@code type} that {@code owned} accepts on the current transaction;
   * if there is none, a new one from {@code create}, registered, or null without {@code create}.
   * Null outside an actual transaction.
   */
  static <S extends TransactionSynchronization> S find(Class<S> type, Predicate<S> owned, Supplier<S> create) {
    if (!TransactionSynchronizationManager.isSynchronizationActive()
        || !TransactionSynchronizationManager.isActualTransactionActive()) {
      return null;
    }
    for (TransactionSynchronization synchronization : TransactionSynchronizationManager.getSynchronizations()) {
      if (type.isInstance(synchronization) && owned.test(type.cast(synchronization))) {
        return type.cast(synchronization);
      }
    }
    if (create == null) {
      return null;
    }
    S created = create.get();
    TransactionSynchronizationManager.registerSynchronization(created);
    return created;
  }
}
