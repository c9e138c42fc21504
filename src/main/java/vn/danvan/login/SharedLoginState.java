package vn.danvan.login;

import java.util.List;
import java.util.OptionalLong;
import java.util.function.UnaryOperator;

/**
 * Where the {@link LoginThrottle} keeps what every node of a cluster must agree on: the failures
 * per key and the addresses known for a user. {@link JdbcLoginState} in the application (one table
 * in the shared database); the throttle only calls it on a failure, on the success of a key that had
 * failures, for a throttled key, and for its periodic refresh.
 */
interface SharedLoginState {

  /** The kinds of key the throttle counts. */
  enum Kind { ADDRESS, USER }

  /** One key's record, as read by a refresh. */
  record Entry(Kind kind, String key, FailureRecord record) {}

  /**
   * Records a failure atomically across nodes: {@code next} turns the stored record (or
   * {@link FailureRecord#NONE}) into the new one, which is stored and returned.
   */
  FailureRecord recordFailure(Kind kind, String key, long now, UnaryOperator<FailureRecord> next);

  /** Forgets the key's failures (a successful login), unless it is locked at {@code now}. */
  void forget(Kind kind, String key, long now);

  /** Records written at or after {@code since} (epoch milliseconds). */
  List<Entry> changedSince(long since);

  /** When {@code user} last logged in successfully from {@code address}, if ever recorded. */
  OptionalLong knownSince(String user, String address);

  /** Records a successful login of {@code user} from {@code address} at {@code now}. */
  void rememberClient(String user, String address, long now);

  /** Removes failure records last written before {@code failuresBefore} and known clients seen before {@code clientsBefore}. */
  void purge(long failuresBefore, long clientsBefore);
}
