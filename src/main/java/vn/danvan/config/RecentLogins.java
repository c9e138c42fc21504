package vn.danvan.config;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.LongSupplier;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The users who recently authenticated over HTTP Basic on this node, with their groups and units, so
 * that an API client's next requests within {@code danvan.performance.identity-cache} (30 s) need no
 * password check and no group and tenant queries: three transactions less per request.
 *
 * <p>A hit needs the same user id and password: the key is an HMAC of both under a random key of
 * this JVM (no password, nor a hash an attacker could test guesses against offline, stays in
 * memory). A write to users, groups, tenants or memberships through this node's engine forgets every
 * remembered login at once (the {@code changes} generation, {@link vn.danvan.identity.IdentityChanges}),
 * and a login checked while one was under way is not remembered. What a hit costs in freshness: such
 * a change made on another node of a cluster counts here after at most the time to live (Camunda's own
 * webapps keep a login's groups for five minutes). A failed check is never remembered, so the login
 * throttle sees every wrong password.
 * At most {@code MAX_USERS} entries, the least recently used forgotten first. {@code PT0S}: nothing
 * is remembered (the stock path, for the benchmark only). Thread-safe.
 */
final class RecentLogins {

  static final int MAX_USERS = 10_000;

  /** Who a remembered login is. */
  record Identity(String userId, List<String> groups, List<String> tenants) {}

  private record Entry(Identity identity, long expiresAt, long generation) {}

  private final long ttlNanos;
  private final LongSupplier nanoClock;
  private final LongSupplier changes;
  private final SecretKeySpec key;
  private final Map<String, Entry> entries = new LinkedHashMap<>(16, 0.75f, true) {
    @Override
    protected boolean removeEldestEntry(Map.Entry<String, Entry> eldest) {
      return size() > MAX_USERS;
    }
  };

  /** @param changes the generation of this node's identity writes: a login remembered under another is forgotten */
  RecentLogins(Duration ttl, LongSupplier nanoClock, LongSupplier changes) {
    this.ttlNanos = ttl.toNanos();
    this.nanoClock = nanoClock;
    this.changes = changes;
    byte[] secret = new byte[32];
    new SecureRandom().nextBytes(secret);
    this.key = new SecretKeySpec(secret, "HmacSHA256");
  }

  /** The identity remembered for exactly these credentials, if it has not expired. */
  Optional<Identity> find(String userId, String password) {
    if (ttlNanos <= 0) {
      return Optional.empty();
    }
    String k = keyOf(userId, password);
    synchronized (entries) {
      Entry entry = entries.get(k);
      if (entry == null) {
        return Optional.empty();
      }
      if (nanoClock.getAsLong() - entry.expiresAt() >= 0 || entry.generation() != changes.getAsLong()) {
        entries.remove(k);
        return Optional.empty();
      }
      return Optional.of(entry.identity());
    }
  }

  /** The generation of identity writes to hand to {@link #remember}: read it before checking the password. */
  long generation() {
    return changes.getAsLong();
  }

  /**
   * Remembers a login whose password the identity service has just accepted, unless an identity
   * write happened since {@code checkedAt} ({@link #generation()} before the check): the password,
   * groups and units read may then be the old ones.
   */
  void remember(String password, Identity identity, long checkedAt) {
    if (ttlNanos <= 0 || checkedAt != changes.getAsLong()) {
      return;
    }
    String k = keyOf(identity.userId(), password);
    synchronized (entries) {
      entries.put(k, new Entry(identity, nanoClock.getAsLong() + ttlNanos, checkedAt));
    }
  }

  int size() {
    synchronized (entries) {
      return entries.size();
    }
  }

  private String keyOf(String userId, String password) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(key);
      mac.update(userId.getBytes(StandardCharsets.UTF_8));
      mac.update((byte) 0);
      return Base64.getEncoder().encodeToString(mac.doFinal(password.getBytes(StandardCharsets.UTF_8)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("Every Java runtime has HmacSHA256", e);
    }
  }
}
