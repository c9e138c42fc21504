package vn.danvan.login;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Limits of failed logins ({@code danvan.security.login.*}), counted per client address and per user
 * name, for every way in (HTTP Basic on {@code /engine-rest} and {@code /api}, the webapps' login).
 *
 * <p>The defaults keep a single client from ever locking an account: a client address is locked
 * after fewer failures than a user name, and for at least as long as a user name takes to forget its
 * failures, so one address alone never reaches the user's lock.
 *
 * @param perAddress limits per client address (all user names together)
 * @param perUser limits per user name (all client addresses together; unknown names alike)
 * @param initialDelay the wait after the first failure beyond the free ones; doubles with each further
 *     failure
 * @param maxDelay the longest wait between two attempts before the lock
 * @param maxAddresses client addresses remembered at most (least recently seen forgotten first)
 * @param maxUsers user names remembered at most (least recently seen forgotten first)
 * @param knownClientFor how long an address from which a user logged in successfully stays known for
 *     that user: from a known address the user's own wait and lock do not apply (only the address's),
 *     so that strangers elsewhere cannot keep the user out
 * @param maxKnownClients user/address pairs remembered at most (least recently used forgotten first)
 * @param sharedRefresh how often at most a node copies the failures that other nodes counted (default
 *     one second): the longest a failure on one node goes unseen by another's check before an attempt
 *     (the count itself is always exact, kept in the shared database)
 */
@ConfigurationProperties("danvan.security.login")
public record LoginThrottleProperties(Limits perAddress, Limits perUser, Duration initialDelay, Duration maxDelay,
    Integer maxAddresses, Integer maxUsers, Duration knownClientFor, Integer maxKnownClients, Duration sharedRefresh) {

  public LoginThrottleProperties {
    perAddress = Limits.orDefaults(perAddress, 10, 30);
    perUser = Limits.orDefaults(perUser, 5, 40);
    initialDelay = initialDelay == null ? Duration.ofSeconds(1) : initialDelay;
    maxDelay = maxDelay == null ? Duration.ofSeconds(30) : maxDelay;
    maxAddresses = maxAddresses == null ? 10_000 : maxAddresses;
    maxUsers = maxUsers == null ? 10_000 : maxUsers;
    knownClientFor = knownClientFor == null ? Duration.ofDays(30) : knownClientFor;
    maxKnownClients = maxKnownClients == null ? 10_000 : maxKnownClients;
    sharedRefresh = sharedRefresh == null ? Duration.ofSeconds(1) : sharedRefresh;
    if (initialDelay.isNegative() || maxDelay.compareTo(initialDelay) < 0 || maxAddresses < 1 || maxUsers < 1
        || knownClientFor.isNegative() || maxKnownClients < 0 || sharedRefresh.isNegative()) {
      throw new IllegalArgumentException("danvan.security.login: delays must be positive, max-delay >= initial-delay, "
          + "max-addresses and max-users >= 1");
    }
  }

  /**
   * @param freeFailures failures allowed without any wait
   * @param lockAfter failures after which the key is locked
   * @param lockDuration how long a lock lasts; then the key starts afresh
   * @param resetAfter failures are forgotten after this long without a new one
   */
  public record Limits(Integer freeFailures, Integer lockAfter, Duration lockDuration, Duration resetAfter) {

    static Limits orDefaults(Limits given, int freeFailures, int lockAfter) {
      Limits limits = given == null ? new Limits(null, null, null, null) : given;
      return new Limits(limits.freeFailures == null ? freeFailures : limits.freeFailures,
          limits.lockAfter == null ? lockAfter : limits.lockAfter,
          limits.lockDuration == null ? Duration.ofMinutes(15) : limits.lockDuration,
          limits.resetAfter == null ? Duration.ofMinutes(15) : limits.resetAfter);
    }

    public Limits {
      if (freeFailures != null && lockAfter != null && (freeFailures < 1 || lockAfter <= freeFailures)) {
        throw new IllegalArgumentException("danvan.security.login: free-failures >= 1 and lock-after > free-failures");
      }
    }
  }
}
