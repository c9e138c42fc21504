package vn.danvan.login;

/**
 * The failed logins of one key as every node sees them: how many, when the last one was, and until
 * when the key is locked (epoch milliseconds; 0: not locked).
 */
record FailureRecord(int failures, long lastFailureAt, long lockedUntil) {

  static final FailureRecord NONE = new FailureRecord(0, 0, 0);
}
