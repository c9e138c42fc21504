package vn.danvan.identity;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The units' recorded profiles (parent, officials, phone, agency code) kept on this node for
 * {@code danvan.performance.unit-cache} (PT30S): every document, due date and escalation asks for
 * them, and they change only when an administrator records a unit.
 *
 * <p>A change through this node counts at once: the profile is forgotten when it is written and
 * again when the writing transaction ends, and nothing read while any such transaction is open is
 * kept (it could be the writer's uncommitted change, or the old row just before the commit). A
 * change recorded on another node of a cluster counts here within the time to live. Who still
 * serves (membership and the leaders' group, in Camunda Admin) is not kept here: it is asked every time.
 */
final class UnitProfiles {

  private record Kept(Optional<UnitProfile> profile, long atNanos, long generation) {}

  private final long timeToLiveNanos;
  private final LongSupplier nanoTime;
  private final Map<String, Kept> kept = new ConcurrentHashMap<>();
  private final AtomicLong generation = new AtomicLong();
  private final AtomicInteger writing = new AtomicInteger();

  UnitProfiles(Duration timeToLive, LongSupplier nanoTime) {
    this.timeToLiveNanos = timeToLive.toNanos();
    this.nanoTime = nanoTime;
  }

  Optional<UnitProfile> get(String unit, Supplier<Optional<UnitProfile>> load) {
    if (timeToLiveNanos <= 0) {
      return load.get();
    }
    long now = nanoTime.getAsLong();
    Kept known = kept.get(unit);
    if (known != null && known.generation == generation.get() && now - known.atNanos < timeToLiveNanos) {
      return known.profile;
    }
    long seen = generation.get();
    Optional<UnitProfile> profile = load.get();
    if (writing.get() == 0 && generation.get() == seen) {
      kept.put(unit, new Kept(profile, now, seen));
    }
    return profile;
  }

  /** A unit is being written in the current transaction: forget now, keep nothing until it ends, forget again then. */
  void written() {
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
