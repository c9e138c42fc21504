package vn.danvan.config;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Rows that are read far more often than they change, kept on this node for a time to live, by key:
 * the units' recorded profiles and the names documents show ({@code danvan.performance.unit-cache},
 * PT30S), the engine's process and job definition rows ({@code definition-cache}, PT5S).
 *
 * <p>A change through this node counts at once: the data is forgotten when it is written and
 * again when the writing transaction ends, and nothing read while any such transaction is open is
 * kept (it could be the writer's uncommitted change, or the old row just before the commit). Data
 * read from elsewhere can name the generation of changes that concern it ({@code alsoChangedBy}: the
 * identity writes of this node's engine, for the names of units and officials, so that a rename in
 * Camunda Admin counts at once too); what was kept under another generation is read again. A change
 * recorded on another node of a cluster, or behind the engine's back, counts here within the time
 * to live. What must count at once (who still serves, whether a unit or user exists) is not kept
 * here: the callers ask every time.
 *
 * @param <V> what is kept under a key
 */
public final class KeptBriefly<V> {

  private record Kept<V>(V value, long atNanos, long generation, long elsewhere) {}

  private final long timeToLiveNanos;
  private final LongSupplier nanoTime;
  private final LongSupplier alsoChangedBy;
  private final Map<String, Kept<V>> kept = new ConcurrentHashMap<>();
  private final AtomicLong generation = new AtomicLong();
  private final AtomicInteger writing = new AtomicInteger();

  public KeptBriefly(Duration timeToLive, LongSupplier nanoTime) {
    this(timeToLive, nanoTime, () -> 0);
  }

  /** @param alsoChangedBy a generation of changes made elsewhere that concern what is kept here */
  public KeptBriefly(Duration timeToLive, LongSupplier nanoTime, LongSupplier alsoChangedBy) {
    this.timeToLiveNanos = timeToLive.toNanos();
    this.nanoTime = nanoTime;
    this.alsoChangedBy = alsoChangedBy;
  }

  public V get(String key, Supplier<V> load) {
    return get(key, load, value -> true);
  }

  /** As {@link #get(String, Supplier)}, keeping only what {@code keep} accepts (a name, not its absence). */
  public V get(String key, Supplier<V> load, Predicate<V> keep) {
    if (timeToLiveNanos <= 0) {
      return load.get();
    }
    long now = nanoTime.getAsLong();
    Kept<V> known = kept.get(key);
    long elsewhere = alsoChangedBy.getAsLong();
    if (known != null && known.generation == generation.get() && known.elsewhere == elsewhere
        && now - known.atNanos < timeToLiveNanos) {
      return known.value;
    }
    long seen = generation.get();
    V value = load.get();
    if (writing.get() == 0 && generation.get() == seen && alsoChangedBy.getAsLong() == elsewhere && keep.test(value)) {
      kept.put(key, new Kept<>(value, now, seen, elsewhere));
    }
    return value;
  }

  /** Something kept is being written in the current transaction: forget now, keep nothing until it ends, forget again then. */
  public void written() {
    generation.incrementAndGet();
    kept.clear();
    if (TransactionSynchronizationManager.isSynchronizationActive()) {
      writing.incrementAndGet();
      TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
        @Override
        public void afterCompletion(int status) {
          generation.incrementAndGet();
          kept.clear();
          writing.decrementAndGet();
        }
      });
    }
  }
}
