package vn.danvan.signing;

import java.util.concurrent.Semaphore;

/**
 * Caps the verifications running at once on this node, whoever sends them: the rate limit is per
 * client address, this bounds the sum (memory: the upload, PDFBox's objects and at most
 * {@link VerificationLimits#maxDecodedBytes()} decoded, per running verification). An excess
 * request is refused at once, never queued. Thread-safe.
 */
public final class VerificationGate {

  private final Semaphore permits;
  private final int maxConcurrent;

  public VerificationGate(int maxConcurrent) {
    this.maxConcurrent = maxConcurrent;
    this.permits = new Semaphore(maxConcurrent);
  }

  /**
   * A permit to verify, to close when done.
   *
   * @throws VerificationRefusedException (busy) when {@code maxConcurrent} verifications are running
   */
  public Permit enter() {
    if (!permits.tryAcquire()) {
      throw VerificationRefusedException.busy(maxConcurrent);
    }
    return new Permit();
  }

  /** Permits free now (for diagnostics and tests). */
  public int available() {
    return permits.availablePermits();
  }

  /** One running verification; closing it twice releases once. */
  public final class Permit implements AutoCloseable {
    private boolean closed;

    @Override
    public void close() {
      if (!closed) {
        closed = true;
        permits.release();
      }
    }
  }
}
