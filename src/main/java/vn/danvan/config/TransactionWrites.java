package vn.danvan.config;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;
import org.springframework.transaction.support.TransactionSynchronization;

/**
 * Rows a transaction creates and may change again before it ends, inserted once, in their last
 * version, when it commits. The asynchronous step that draws up a dossier's result also signs it:
 * the document was inserted as a draft (some 60 KB of PDF) and overwritten by its signed version a
 * moment later in the same transaction, which wrote the PDF twice and left the draft's copy for
 * vacuum to remove.
 *
 * <p>Nothing changes in what others see: the row becomes visible at the commit either way, and
 * rolls back with the transaction. While held, the row is the transaction's own: no other
 * transaction can read or lock a row that is not committed, so the owner's "lock" of it needs no
 * statement. An insert that fails (a constraint) fails the commit, so the whole step is undone.
 * The repository answers reads of a held row from it ({@link #held}) and writes every held row
 * ({@link #flush}) before a read that asks the table for rows by anything but their key. Outside a
 * transaction, or once it is committing, a row is inserted at once.
 *
 * <p>{@code danvan.performance.transaction-inserts=false} ({@link TransactionInserts#SETTING}, the
 * benchmark's stock run): every row inserted at once and every change written as it happens.
 *
 * @param <V> the row, with what is written with it
 */
public final class TransactionWrites<V> {

  private final boolean enabled;
  private final Function<V, String> idOf;
  private final Consumer<List<V>> insert;

  /**
   * @param idOf a row's key (its primary key)
   * @param insert inserts the given rows, in this order
   */
  public TransactionWrites(boolean enabled, Function<V, String> idOf, Consumer<List<V>> insert) {
    this.enabled = enabled;
    this.idOf = idOf;
    this.insert = insert;
  }

  /** Inserts {@code row} when the transaction commits (at once outside one). */
  public void insert(V row) {
    Map<String, V> held = held(true);
    if (held == null) {
      insert.accept(List.of(row));
    } else {
      held.put(idOf.apply(row), row);
    }
  }

  /** The row this transaction created under {@code id} and has not written yet. */
  public Optional<V> held(String id) {
    Map<String, V> held = held(false);
    return held == null ? Optional.empty() : Optional.ofNullable(held.get(id));
  }

  /**
   * Replaces the held row of the same key by {@code row}, which is then inserted instead.
   *
   * @return false if no row of this key is held: the caller writes the change to the table
   */
  public boolean replace(V row) {
    Map<String, V> held = held(false);
    String id = idOf.apply(row);
    if (held == null || !held.containsKey(id)) {
      return false;
    }
    held.put(id, row);
    return true;
  }

  /** Inserts every held row now: before a read of the table by anything but a row's key. */
  public void flush() {
    Map<String, V> held = held(false);
    if (held != null && !held.isEmpty()) {
      List<V> due = new ArrayList<>(held.values());
      held.clear();
      insert.accept(due);
    }
  }

  /** The rows held for the current transaction ({@link TransactionBound}); none once it is committing. */
  @SuppressWarnings("unchecked")
  private Map<String, V> held(boolean create) {
    if (!enabled) {
      return null;
    }
    Held<V> held = TransactionBound.find(Held.class, h -> h.owner == this, create ? () -> new Held<>(this) : null);
    return held == null || held.committing ? null : held.rows;
  }

  /** The rows one transaction created and has not written yet, in the order of their creation. */
  private static final class Held<V> implements TransactionSynchronization {
    final TransactionWrites<V> owner;
    final Map<String, V> rows = new LinkedHashMap<>();
    boolean committing;

    Held(TransactionWrites<V> owner) {
      this.owner = owner;
    }

    @Override
    public void beforeCommit(boolean readOnly) {
      owner.flush();
      // a row created while the transaction commits is inserted at once
      committing = true;
    }

    @Override
    public int getOrder() {
      // before other work at commit, so that what runs then finds these rows in the table
      return HIGHEST_PRECEDENCE;
    }
  }
}
