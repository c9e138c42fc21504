package vn.danvan.publicapi;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalLong;

/**
 * A token bucket per client address for the public lookups: {@code perMinute} requests a minute,
 * refilled continuously, up to {@code perMinute} at once. Memory is bounded: at most
 * {@code maxClients} buckets are kept, the least recently seen client is forgotten first (a
 * forgotten client starts again with a full bucket). Thread-safe.
 */
final class PublicRateLimiter {

  private static final long MINUTE_NANOS = 60_000_000_000L;

  private final int perMinute;
  private final Clock clock;
  private final Map<String, Bucket> buckets;

  PublicRateLimiter(int perMinute, int maxClients, Clock clock) {
    if (perMinute < 1 || maxClients < 1) {
      throw new IllegalArgumentException("perMinute and maxClients must be positive");
    }
    this.perMinute = perMinute;
    this.clock = clock;
    this.buckets = new LinkedHashMap<>(16, 0.75f, true) {
      @Override
      protected boolean removeEldestEntry(Map.Entry<String, Bucket> eldest) {
        return size() > maxClients;
      }
    };
  }

  /**
   * Takes one request from the client's bucket.
   *
   * @return empty if allowed, else the seconds after which the next request will be allowed
   */
  synchronized OptionalLong acquire(String client) {
    long now = nanos();
    Bucket bucket = buckets.computeIfAbsent(client, c -> new Bucket(perMinute, now));
    bucket.refill(now, perMinute);
    if (bucket.tokens >= 1) {
      bucket.tokens -= 1;
      return OptionalLong.empty();
    }
    double missing = 1 - bucket.tokens;
    long waitNanos = (long) Math.ceil(missing * MINUTE_NANOS / perMinute);
    return OptionalLong.of(Math.max(1, (waitNanos + 999_999_999L) / 1_000_000_000L));
  }

  /** How many clients are remembered (for tests and diagnostics). */
  synchronized int clients() {
    return buckets.size();
  }

  private long nanos() {
    return Math.multiplyExact(clock.millis(), 1_000_000L);
  }

  private static final class Bucket {
    double tokens;
    long updatedAt;

    Bucket(int tokens, long now) {
      this.tokens = tokens;
      this.updatedAt = now;
    }

    void refill(long now, int perMinute) {
      long elapsed = Math.max(0, now - updatedAt);
      tokens = Math.min(perMinute, tokens + (double) elapsed * perMinute / MINUTE_NANOS);
      updatedAt = now;
    }
  }
}
