package vn.danvan.notify;

import java.time.Duration;

/** When a message whose send failed is tried again, and when it is given up. */
final class Backoff {

  private final int maxAttempts;
  private final Duration initialDelay;
  private final Duration maxDelay;

  Backoff(int maxAttempts, Duration initialDelay, Duration maxDelay) {
    if (maxAttempts < 1 || initialDelay.isNegative() || maxDelay.compareTo(initialDelay) < 0) {
      throw new IllegalArgumentException("Invalid retry settings: maxAttempts " + maxAttempts + ", initialDelay "
          + initialDelay + ", maxDelay " + maxDelay);
    }
    this.maxAttempts = maxAttempts;
    this.initialDelay = initialDelay;
    this.maxDelay = maxDelay;
  }

  static Backoff of(NotifyProperties.Retry retry) {
    return new Backoff(retry.maxAttempts(), retry.initialDelay(), retry.maxDelay());
  }

  /** Whether a message that has failed {@code attempts} times is given up. */
  boolean exhausted(int attempts) {
    return attempts >= maxAttempts;
  }

  /** The wait after the {@code attempts}-th failed attempt (1 for the first): initial × 2^(attempts-1), capped. */
  Duration delayAfter(int attempts) {
    int doublings = Math.max(0, attempts - 1);
    // Beyond 2^30 every realistic initial delay is past the cap; stop before the shift overflows.
    if (doublings >= 30) {
      return maxDelay;
    }
    Duration delay = initialDelay.multipliedBy(1L << doublings);
    return delay.compareTo(maxDelay) > 0 ? maxDelay : delay;
  }
}
