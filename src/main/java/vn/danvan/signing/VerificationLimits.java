package vn.danvan.signing;

/**
 * What one verification may cost.
 *
 * @param maxDecodedBytes bytes PDFBox may decode in total for one file (default 32 MB; a signed
 *     decision or result of a few pages decodes to well under 1 MB)
 * @param maxCompressionRatio decoded bytes per encoded byte a stream may reach once past
 *     {@code ratioFloorBytes} (default 100; text and fonts compress 3–10 times, a flate bomb ~1000)
 * @param ratioFloorBytes decoded size below which a stream's ratio is not checked (default 1 MB)
 * @param maxConcurrent verifications running at once on this node; more get 503 with Retry-After
 *     (default 2)
 */
public record VerificationLimits(long maxDecodedBytes, long maxCompressionRatio, long ratioFloorBytes,
    int maxConcurrent) {

  public static final VerificationLimits DEFAULT = new VerificationLimits(32L << 20, 100, 1L << 20, 2);

  public VerificationLimits {
    if (maxDecodedBytes < 1 || maxCompressionRatio < 1 || ratioFloorBytes < 0 || maxConcurrent < 1) {
      throw new SigningConfigurationException("danvan.signing.verify: limits must be positive (max-decoded-bytes "
          + maxDecodedBytes + ", max-compression-ratio " + maxCompressionRatio + ", max-concurrent " + maxConcurrent + ")");
    }
  }
}
