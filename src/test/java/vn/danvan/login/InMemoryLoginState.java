package vn.danvan.login;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.function.UnaryOperator;

/** The shared state of the login throttle as a map: several throttles on one instance act as the nodes of a cluster. */
final class InMemoryLoginState implements SharedLoginState {

  private record Row(FailureRecord record, long changedAt) {}

  private final Map<String, Row> failures = new HashMap<>();
  private final Map<String, Long> known = new HashMap<>();
  int writes;
  /** Like a database that cannot be reached: failures cannot be recorded. */
  boolean down;

  @Override
  public synchronized FailureRecord recordFailure(Kind kind, String key, long now, UnaryOperator<FailureRecord> next) {
    if (down) {
      throw new IllegalStateException("database unreachable");
    }
    Row row = failures.get(kind + "\n" + key);
    FailureRecord record = next.apply(row == null ? FailureRecord.NONE : row.record());
    failures.put(kind + "\n" + key, new Row(record, now));
    writes++;
    return record;
  }

  @Override
  public synchronized void forget(Kind kind, String key, long now) {
    Row row = failures.get(kind + "\n" + key);
    if (row != null && row.record().lockedUntil() <= now) {
      failures.put(kind + "\n" + key, new Row(FailureRecord.NONE, now));
      writes++;
    }
  }

  @Override
  public synchronized List<Entry> changedSince(long since) {
    List<Entry> changed = new ArrayList<>();
    failures.forEach((key, row) -> {
      if (row.changedAt() >= since) {
        String[] parts = key.split("\n", 2);
        changed.add(new Entry(Kind.valueOf(parts[0]), parts[1], row.record()));
      }
    });
    return changed;
  }

  @Override
  public synchronized OptionalLong knownSince(String user, String address) {
    Long since = known.get(user + "\n" + address);
    return since == null ? OptionalLong.empty() : OptionalLong.of(since);
  }

  @Override
  public synchronized void rememberClient(String user, String address, long now) {
    known.put(user + "\n" + address, now);
    writes++;
  }

  @Override
  public synchronized void purge(long failuresBefore, long clientsBefore) {
    failures.values().removeIf(row -> row.changedAt() < failuresBefore);
    known.values().removeIf(seen -> seen < clientsBefore);
  }
}
