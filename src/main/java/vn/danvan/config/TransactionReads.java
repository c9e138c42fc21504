package vn.danvan.config;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.springframework.transaction.support.TransactionSynchronization;

/**
 * Rows of one table read once per transaction: a reception or a process step reads its case's row
 * from several places (documents, notifications, trail, the answer). A row read is kept with the
 * current transaction, by key, until the transaction writes that key ({@link #forget}) or ends;
 * outside a transaction nothing is kept. As any read in the transaction, a kept row is the row as
 * it was when first read there; what the transaction wrote itself is read again. The repository
 * that owns the table must call {@link #forget} before each of its writes. A transaction started
 * within another (REQUIRES_NEW) keeps its own rows.
 *
 * @param <V> the row
 */
public final class TransactionReads<V> {

  /** The setting that switches every instance off (the benchmark's stock run). */
  public static final String SETTING = "${danvan.performance.transaction-reads:true}";

  private final boolean enabled;
  private final Function<V, String> idOf;

  /**
   * @param enabled false: every read asks the database ({@code danvan.performance.transaction-reads})
   * @param idOf a row's key (its primary key)
   */
  public TransactionReads(boolean enabled, Function<V, String> idOf) {
    this.enabled = enabled;
    this.idOf = idOf;
  }

  /** The row under {@code id}: kept in this transaction, else loaded (and kept if exactly one row). */
  public Optional<V> get(String id, Supplier<List<V>> load) {
    Map<String, V> kept = kept(true);
    V known = kept == null ? null : kept.get(id);
    return known != null ? Optional.of(known) : remember(kept, load.get());
  }

  /** A kept row that {@code matches}, else the one loaded (and kept). */
  public Optional<V> find(Predicate<V> matches, Supplier<List<V>> load) {
    Map<String, V> kept = kept(true);
    if (kept != null) {
      for (V known : kept.values()) {
        if (matches.test(known)) {
          return Optional.of(known);
        }
      }
    }
    return remember(kept, load.get());
  }

  /**
   * The transaction wrote {@code row} and this is the row as the database now holds it (the
   * write's own answer, e.g. {@code RETURNING *}): kept instead of read again.
   */
  public void written(V row) {
    Map<String, V> kept = kept(true);
    if (kept != null) {
      kept.put(idOf.apply(row), row);
    }
  }

  /**
   * What a write of one row answered with ({@code RETURNING *}): the row is kept if it wrote exactly
   * one, as {@link #written(Object)}.
   *
   * @return the number of rows written
   */
  public int written(List<V> rows) {
    if (rows.size() == 1) {
      written(rows.get(0));
    }
    return rows.size();
  }

  /** The transaction writes the row under {@code id}: it is read again next time. */
  public void forget(String id) {
    Map<String, V> kept = kept(false);
    if (kept != null) {
      kept.remove(id);
    }
  }

  private Optional<V> remember(Map<String, V> kept, List<V> found) {
    if (kept != null && found.size() == 1) {
      kept.put(idOf.apply(found.get(0)), found.get(0));
    }
    return found.stream().findFirst();
  }

  /** The rows kept for the current transaction ({@link TransactionBound}). */
  @SuppressWarnings("unchecked")
  private Map<String, V> kept(boolean create) {
    if (!enabled) {
      return null;
    }
    Kept<V> kept = TransactionBound.find(Kept.class, k -> k.owner == this, create ? () -> new Kept<>(this) : null);
    return kept == null ? null : kept.rows;
  }

  /** The rows one transaction read, forgotten with it. */
  private static final class Kept<V> implements TransactionSynchronization {
    final TransactionReads<V> owner;
    final Map<String, V> rows = new HashMap<>();

    Kept(TransactionReads<V> owner) {
      this.owner = owner;
    }
  }
}
