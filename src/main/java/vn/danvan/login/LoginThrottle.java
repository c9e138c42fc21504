package vn.danvan.login;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.danvan.config.ApiError;
import vn.danvan.config.JsonAnswer;
import vn.danvan.login.SharedLoginState.Kind;

/**
 * The one throttle of failed logins, used by every way in (HTTP Basic on {@code /engine-rest} and
 * {@code /api}, the webapps' login form): failures are counted per client address and per user name,
 * with a growing wait after a few free failures and a lock that expires. A throttled attempt is
 * answered before the password is checked, in the same way for existing and unknown users. An address
 * from which the user logged in successfully before is known for that user: from there only the
 * address's limits apply, so strangers who make a user wait (or lock it) elsewhere do not keep the
 * user out.
 *
 * <p>Cluster-wide: failures are counted in the shared database ({@link SharedLoginState}), so failures
 * on one node count on every other and a lock on one node is a lock on all. Each node keeps a bounded
 * copy in memory, refreshed from the database at most every {@code shared-refresh} while logins
 * happen, so that an ordinary login (a key without failures) costs no database work: the database is
 * touched on a failure, on the success of a key that had failures, for a throttled key, by that
 * refresh, and once a day per user and address for the known addresses.
 *
 * <p>Usage: {@code try (Attempt attempt = throttle.attempt(address, user)) { if (attempt.refused()) …;
 * … attempt.succeeded() or attempt.failed() }}. An attempt left without either (an error) counts as
 * neither.
 */
public class LoginThrottle {

  private static final Logger LOG = LoggerFactory.getLogger(LoginThrottle.class);
  /** What a user id looks like (as Camunda's resource whitelist allows): only such names are logged. */
  private static final Pattern LOGGABLE_USER = Pattern.compile("[a-zA-Z0-9]+([._-][a-zA-Z0-9]+)*|camunda-admin");
  /** Longer names are cut before they are remembered, so that a key costs little memory. */
  private static final int MAX_KEY_LENGTH = 128;

  /** A known address is written to the shared table again after this long (a day), not on every login. */
  private static final long REMEMBER_AGAIN_MILLIS = 24 * 60 * 60 * 1000L;
  /** Rows changed this long before the last refresh are read again: nodes' clocks differ a little. */
  private static final long CLOCK_SKEW_MILLIS = 10_000;
  /** Dead rows (no longer throttling anyone) are removed this often by some node. */
  private static final long PURGE_EVERY_MILLIS = 60_000;

  private final FailureCounter addresses;
  private final FailureCounter users;
  private final Map<String, Long> knownClients;
  private final long knownClientMillis;
  private final long refreshMillis;
  private final long forgetAfterMillis;
  private final Clock clock;
  private final SharedLoginState shared;
  private final AtomicBoolean refreshing = new AtomicBoolean();
  private volatile long lastRefreshAt = Long.MIN_VALUE;
  private volatile long lastPurgeAt;

  LoginThrottle(LoginThrottleProperties properties, Clock clock, SharedLoginState shared) {
    long initial = properties.initialDelay().toMillis();
    long max = properties.maxDelay().toMillis();
    this.addresses = new FailureCounter(properties.perAddress(), initial, max, properties.maxAddresses());
    this.users = new FailureCounter(properties.perUser(), initial, max, properties.maxUsers());
    int maxKnown = properties.maxKnownClients();
    this.knownClients = new LinkedHashMap<>(16, 0.75f, true) {
      @Override
      protected boolean removeEldestEntry(Map.Entry<String, Long> eldest) {
        return size() > maxKnown;
      }
    };
    this.knownClientMillis = properties.knownClientFor().toMillis();
    this.refreshMillis = properties.sharedRefresh().toMillis();
    this.forgetAfterMillis = Stream.of(properties.perAddress(), properties.perUser())
        .mapToLong(limits -> Math.max(limits.lockDuration().toMillis(), limits.resetAfter().toMillis())).max().orElseThrow();
    this.clock = clock;
    this.shared = shared;
    this.lastPurgeAt = clock.millis();
  }

  /** Starts a login attempt; check {@link Attempt#refused()} before checking the password. */
  public Attempt attempt(String clientAddress, String userName) {
    String address = key(clientAddress);
    String user = userName == null || userName.isBlank() ? null : key(userName.trim().toLowerCase(Locale.ROOT));
    refreshIfDue();
    boolean askedShared = false;
    while (true) {
      synchronized (this) {
        long now = clock.millis();
        boolean known = user != null && isKnown(user, address, now);
        long userWait = user == null || known ? 0 : users.waitMillis(user, now);
        if (userWait > 0 && knownClientMillis > 0 && !askedShared) {
          // A throttled user: the address may be known from a login on another node (asked below, unlocked).
          askedShared = true;
        } else {
          long wait = Math.max(addresses.waitMillis(address, now), userWait);
          if (wait > 0) {
            return new Attempt(this, address, user, (wait + 999) / 1000);
          }
          addresses.begin(address, now);
          if (user != null) {
            users.begin(user, now);
          }
          return new Attempt(this, address, user, 0);
        }
      }
      OptionalLong since = shared.knownSince(user, address);
      if (since.isPresent()) {
        synchronized (this) {
          knownClients.merge(user + "\n" + address, since.getAsLong(), Math::max);
        }
      }
    }
  }

  /** Answers a throttled attempt: 429, {@code Retry-After} in seconds, and a JSON body like every API error. */
  public void refuse(HttpServletResponse response, long retryAfterSeconds) throws IOException {
    JsonAnswer.retryLater(response, retryAfterSeconds, ApiError.of(englishMessage(retryAfterSeconds)));
  }

  /**
   * The same answer for the webapps' login page, which shows an answer's {@code message} to the
   * official: in Vietnamese, saying how long to wait.
   */
  void refuseLoginPage(HttpServletResponse response, long retryAfterSeconds) throws IOException {
    JsonAnswer.retryLater(response, retryAfterSeconds, Map.of("error", englishMessage(retryAfterSeconds),
        "message", "Đăng nhập sai quá nhiều lần. Vui lòng thử lại sau " + retryAfterSeconds + " giây."));
  }


  private static String englishMessage(long retryAfterSeconds) {
    return "Too many failed logins: try again in " + retryAfterSeconds + " seconds";
  }

  /** Keys remembered now (for tests and diagnostics): addresses, user names and known user/address pairs. */
  synchronized int remembered() {
    return addresses.size() + users.size() + knownClients.size();
  }

  private void finish(Attempt attempt, Outcome outcome) {
    long now = clock.millis();
    switch (outcome) {
      case FAILED -> {
        FailureRecord address;
        FailureRecord user;
        try {
          address = shared.recordFailure(Kind.ADDRESS, attempt.address, now, r -> addresses.next(r, now));
          user = attempt.user == null ? null
              : shared.recordFailure(Kind.USER, attempt.user, now, r -> users.next(r, now));
        } catch (RuntimeException databaseUnreachable) {
          // the attempt still ends here, else it would count as in flight for ever
          finish(attempt, Outcome.ABANDONED);
          throw databaseUnreachable;
        }
        boolean addressLocked;
        boolean userLocked;
        synchronized (this) {
          addressLocked = addresses.failed(attempt.address, now, address);
          userLocked = user != null && users.failed(attempt.user, now, user);
        }
        if (addressLocked) {
          LOG.warn("Logins from client address {} locked after too many failures", attempt.address);
        }
        if (userLocked) {
          LOG.warn("Logins as user {} locked after too many failures",
              LOGGABLE_USER.matcher(attempt.user).matches() ? "'" + attempt.user + "'" : "(a name that is no user id)");
        }
      }
      case SUCCEEDED -> {
        boolean forgetUser = false;
        boolean remember = false;
        synchronized (this) {
          addresses.ended(attempt.address, now, false);
          if (attempt.user != null) {
            forgetUser = users.ended(attempt.user, now, true);
            if (knownClientMillis > 0) {
              String pair = attempt.user + "\n" + attempt.address;
              Long since = knownClients.get(pair);
              remember = since == null || now - since >= REMEMBER_AGAIN_MILLIS;
              if (remember) {
                knownClients.put(pair, now);
              }
            }
          }
        }
        if (forgetUser) {
          shared.forget(Kind.USER, attempt.user, now);
        }
        if (remember) {
          shared.rememberClient(attempt.user, attempt.address, now);
        }
      }
      case ABANDONED -> {
        synchronized (this) {
          addresses.ended(attempt.address, now, false);
          if (attempt.user != null) {
            users.ended(attempt.user, now, false);
          }
        }
      }
    }
  }

  /**
   * Copies what other nodes counted since the last look, at most every {@code shared-refresh}, by one
   * thread at a time (the others go on with the copy they have); now and then removes dead rows.
   */
  private void refreshIfDue() {
    long now = clock.millis();
    long last = lastRefreshAt;
    if (last != Long.MIN_VALUE && now - last < refreshMillis || !refreshing.compareAndSet(false, true)) {
      return;
    }
    try {
      List<SharedLoginState.Entry> changed = shared.changedSince(last == Long.MIN_VALUE ? 0 : last - CLOCK_SKEW_MILLIS);
      synchronized (this) {
        for (SharedLoginState.Entry entry : changed) {
          (entry.kind() == Kind.ADDRESS ? addresses : users).merge(entry.key(), entry.record());
        }
      }
      lastRefreshAt = now;
      if (now - lastPurgeAt >= PURGE_EVERY_MILLIS) {
        lastPurgeAt = now;
        shared.purge(now - forgetAfterMillis, now - knownClientMillis);
      }
    } finally {
      refreshing.set(false);
    }
  }

  private boolean isKnown(String user, String address, long now) {
    Long since = knownClients.get(user + "\n" + address);
    return since != null && now - since < knownClientMillis;
  }

  private static String key(String value) {
    String key = value == null ? "" : value;
    return key.length() > MAX_KEY_LENGTH ? key.substring(0, MAX_KEY_LENGTH) : key;
  }

  private enum Outcome { SUCCEEDED, FAILED, ABANDONED }

  /** One login attempt: refused by the throttle, or allowed and then succeeded or failed. */
  public static final class Attempt implements AutoCloseable {

    private final LoginThrottle throttle;
    private final String address;
    private final String user;
    private final long retryAfterSeconds;
    private boolean finished;

    private Attempt(LoginThrottle throttle, String address, String user, long retryAfterSeconds) {
      this.throttle = throttle;
      this.address = address;
      this.user = user;
      this.retryAfterSeconds = retryAfterSeconds;
      this.finished = retryAfterSeconds > 0;
    }

    /** True if the attempt must be answered with 429 without checking the password. */
    public boolean refused() {
      return retryAfterSeconds > 0;
    }

    public long retryAfterSeconds() {
      return retryAfterSeconds;
    }

    public void succeeded() {
      finish(Outcome.SUCCEEDED);
    }

    public void failed() {
      finish(Outcome.FAILED);
    }

    @Override
    public void close() {
      finish(Outcome.ABANDONED);
    }

    private void finish(Outcome outcome) {
      if (!finished) {
        finished = true;
        throttle.finish(this, outcome);
      }
    }
  }
}
