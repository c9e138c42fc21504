package vn.danvan.login;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Failed logins of one kind of key (client addresses or user names): a count with a growing wait
 * after the free failures, a lock that expires, and the attempts in flight. The counts are this
 * node's copy of the shared ones ({@link SharedLoginState}): a failure is counted there
 * ({@link #next}) and the result copied here, and a refresh copies what other nodes counted
 * ({@link #merge}); attempts in flight are this node's own. Memory is bounded: at most
 * {@code maxKeys} keys, the least recently seen forgotten first. Not thread-safe on its own;
 * {@link LoginThrottle} serializes every call.
 */
final class FailureCounter {

  private final LoginThrottleProperties.Limits limits;
  private final long initialDelayMillis;
  private final long maxDelayMillis;
  private final Map<String, State> states;

  FailureCounter(LoginThrottleProperties.Limits limits, long initialDelayMillis, long maxDelayMillis, int maxKeys) {
    this.limits = limits;
    this.initialDelayMillis = initialDelayMillis;
    this.maxDelayMillis = maxDelayMillis;
    this.states = new LinkedHashMap<>(16, 0.75f, true) {
      @Override
      protected boolean removeEldestEntry(Map.Entry<String, State> eldest) {
        return size() > maxKeys;
      }
    };
  }

  /** Milliseconds until the key may try again; 0 if it may try now. */
  long waitMillis(String key, long now) {
    State state = current(key, now);
    if (state == null) {
      return 0;
    }
    if (state.lockedUntil > now) {
      return state.lockedUntil - now;
    }
    if (state.failures + state.inFlight < limits.freeFailures()) {
      return 0;
    }
    // In the backoff: one attempt at a time, and only once the wait since the last failure is over.
    long wait = Math.max(0, state.lastFailureAt + delayAfter(state.failures) - now);
    return state.inFlight > 0 ? Math.max(wait, delayAfter(state.failures + 1)) : wait;
  }

  void begin(String key, long now) {
    State state = current(key, now);
    if (state == null) {
      state = new State();
      states.put(key, state);
    }
    state.inFlight++;
  }

  /**
   * The shared record after one more failure at {@code now}: an expired lock or failures forgotten
   * after the quiet period start afresh; the failure that reaches {@code lockAfter} locks the key.
   */
  FailureRecord next(FailureRecord stored, long now) {
    boolean lockExpired = stored.lockedUntil() != 0 && stored.lockedUntil() <= now;
    boolean quiet = stored.lockedUntil() == 0 && now - stored.lastFailureAt() >= limits.resetAfter().toMillis();
    int failures = (lockExpired || quiet ? 0 : stored.failures()) + 1;
    long lockedUntil = lockExpired ? 0 : stored.lockedUntil();
    if (failures >= limits.lockAfter() && lockedUntil == 0) {
      lockedUntil = now + limits.lockDuration().toMillis();
    }
    return new FailureRecord(failures, now, lockedUntil);
  }

  /** Ends an attempt that failed, with the shared record after the failure; true if this failure locked the key. */
  boolean failed(String key, long now, FailureRecord shared) {
    State state = end(key, now);
    state.copy(shared);
    // the failure that reached lock-after locked it (counting restarts after a lock expires)
    return shared.failures() == limits.lockAfter();
  }

  /**
   * Ends an attempt without counting it; with {@code forget}, the key's failures are forgotten.
   *
   * @return true if failures were forgotten (the shared record must forget them too)
   */
  boolean ended(String key, long now, boolean forget) {
    State state = end(key, now);
    boolean forgotten = false;
    if (forget && state.lockedUntil <= now && state.failures > 0) {
      state.failures = 0;
      forgotten = true;
    }
    if (state.failures == 0 && state.inFlight == 0) {
      states.remove(key);
    }
    return forgotten;
  }

  /** Copies the shared record of a key that another node changed. */
  void merge(String key, FailureRecord shared) {
    State state = states.get(key);
    if (state == null) {
      if (shared.failures() == 0) {
        return;
      }
      state = new State();
      states.put(key, state);
    }
    state.copy(shared);
    if (state.failures == 0 && state.inFlight == 0) {
      states.remove(key);
    }
  }

  int size() {
    return states.size();
  }

  private State end(String key, long now) {
    State state = current(key, now);
    if (state == null) {
      // Forgotten while in flight (memory cap): count from scratch.
      state = new State();
      states.put(key, state);
    } else if (state.inFlight > 0) {
      state.inFlight--;
    }
    return state;
  }

  /** The key's state with an expired lock or forgotten failures cleared; null if nothing is known. */
  private State current(String key, long now) {
    State state = states.get(key);
    if (state == null) {
      return null;
    }
    boolean lockExpired = state.lockedUntil != 0 && state.lockedUntil <= now;
    boolean quiet = state.lockedUntil == 0 && now - state.lastFailureAt >= limits.resetAfter().toMillis();
    if (lockExpired || quiet) {
      state.failures = 0;
      state.lockedUntil = 0;
    }
    return state;
  }

  /** The wait after the given number of failures: none within the free ones, then doubling up to the maximum. */
  private long delayAfter(int failures) {
    int beyond = failures - limits.freeFailures();
    if (beyond < 0) {
      return 0;
    }
    long delay = initialDelayMillis << Math.min(beyond, 30);
    return Math.min(delay < 0 ? maxDelayMillis : delay, maxDelayMillis);
  }

  private static final class State {
    int failures;
    int inFlight;
    long lastFailureAt;
    long lockedUntil;

    void copy(FailureRecord shared) {
      failures = shared.failures();
      lastFailureAt = shared.lastFailureAt();
      lockedUntil = shared.lockedUntil();
    }
  }
}
