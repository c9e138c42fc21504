package vn.danvan.publicapi;

import java.time.Clock;
import java.util.List;
import java.util.OptionalLong;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A token bucket per client address for one family of public endpoints: {@code perMinute} requests
 * a minute, refilled continuously, up to {@code perMinute} at once. The buckets live in the database
 * every node shares ({@code dv_rate_bucket}, migration V16_1), so a cluster allows the limit once, not
 * once per node: a request takes its token with one atomic {@code UPDATE} (which waits for a
 * concurrent one on the same bucket, on any node); only a client's first request in a minute inserts
 * its row, and only a refused one reads it. A bucket untouched for a minute is full again, the same
 * as no row: such rows are deleted by some node once a minute, which bounds the table by the clients
 * of the last minute. Thread-safe.
 */
final class PublicRateLimiter {

  private static final long MINUTE_MILLIS = 60_000L;
  /**
   * Refilled tokens: {@code LEAST(capacity, tokens + elapsed * perMinute / minute)}, elapsed never negative
   * (nodes' clocks differ); multiplied before divided, so that whole tokens come out whole.
   */
  private static final String REFILLED = "LEAST(?, tokens + GREATEST(0, ? - updated_at) * ? / 60000.0)";

  private final String family;
  private final int perMinute;
  private final Clock clock;
  private final JdbcTemplate jdbc;
  private volatile long lastPurgeAt;

  PublicRateLimiter(String family, int perMinute, Clock clock, JdbcTemplate jdbc) {
    if (perMinute < 1) {
      throw new IllegalArgumentException("perMinute must be positive");
    }
    this.family = family;
    this.perMinute = perMinute;
    this.clock = clock;
    this.jdbc = jdbc;
    this.lastPurgeAt = clock.millis();
  }

  /**
   * Takes one request from the client's bucket.
   *
   * @return empty if allowed, else the seconds after which the next request will be allowed
   */
  OptionalLong acquire(String client) {
    long now = clock.millis();
    purgeIfDue(now);
    double capacity = perMinute;
    for (int round = 0; round < 2; round++) {
      int taken = jdbc.update("UPDATE dv_rate_bucket SET tokens = " + REFILLED + " - 1, updated_at = GREATEST(updated_at, ?)"
          + " WHERE family = ? AND client = ? AND " + REFILLED + " >= 1",
          capacity, now, capacity, now, family, client, capacity, now, capacity);
      if (taken == 1) {
        return OptionalLong.empty();
      }
      List<double[]> bucket = jdbc.query("SELECT tokens, updated_at FROM dv_rate_bucket WHERE family = ? AND client = ?",
          (rs, row) -> new double[] {rs.getDouble("tokens"), rs.getLong("updated_at")}, family, client);
      if (!bucket.isEmpty()) {
        double tokens = Math.min(capacity,
            bucket.get(0)[0] + Math.max(0, now - (long) bucket.get(0)[1]) * capacity / MINUTE_MILLIS);
        long waitMillis = (long) Math.ceil((1 - tokens) * MINUTE_MILLIS / capacity);
        return OptionalLong.of(Math.max(1, (waitMillis + 999) / 1000));
      }
      try {
        jdbc.update("INSERT INTO dv_rate_bucket (family, client, tokens, updated_at) VALUES (?, ?, ?, ?)",
            family, client, capacity - 1, now);
        return OptionalLong.empty();
      } catch (DuplicateKeyException insertedConcurrently) {
        // another request of the same client (on any node) inserted it first: take from that bucket
      }
    }
    throw new IllegalStateException("dv_rate_bucket: the bucket of a client vanished twice");
  }

  /** How many clients have a bucket that is not full (for tests and diagnostics). */
  int clients() {
    return jdbc.queryForObject("SELECT COUNT(*) FROM dv_rate_bucket WHERE family = ? AND updated_at > ?", Integer.class,
        family, clock.millis() - MINUTE_MILLIS);
  }

  private void purgeIfDue(long now) {
    if (now - lastPurgeAt >= MINUTE_MILLIS) {
      lastPurgeAt = now;
      jdbc.update("DELETE FROM dv_rate_bucket WHERE family = ? AND updated_at <= ?", family, now - MINUTE_MILLIS);
    }
  }
}
