package vn.danvan.signing;

import org.springframework.http.HttpStatus;

/**
 * A verification refused before its verdict: the file costs more to decode than allowed (422), or
 * the node is busy verifying other files (503, with the seconds to wait). The reason is a stable code
 * that the public page translates.
 */
public final class VerificationRefusedException extends RuntimeException {

  /** The file's streams decode to more than the limits allow: a decompression bomb, or close to one. */
  public static final String DECODE_LIMIT = "DECODE_LIMIT";
  /** Too many verifications are running on this node. */
  public static final String BUSY = "BUSY";

  private final HttpStatus status;
  private final String reason;
  private final long retryAfterSeconds;
  private final Long decodedBytes;
  private final Long decodeLimitBytes;

  private VerificationRefusedException(HttpStatus status, String reason, String message, long retryAfterSeconds,
      Long decodedBytes, Long decodeLimitBytes) {
    super(message, null, false, false);
    this.status = status;
    this.reason = reason;
    this.retryAfterSeconds = retryAfterSeconds;
    this.decodedBytes = decodedBytes;
    this.decodeLimitBytes = decodeLimitBytes;
  }

  static VerificationRefusedException decodeLimit(String why, long decodedBytes, long limitBytes) {
    return new VerificationRefusedException(HttpStatus.UNPROCESSABLE_ENTITY, DECODE_LIMIT,
        "The PDF document was not verified: " + why + " (decompression limit)", 0, decodedBytes, limitBytes);
  }

  static VerificationRefusedException busy(int running) {
    return new VerificationRefusedException(HttpStatus.SERVICE_UNAVAILABLE, BUSY,
        "The server is verifying " + running + " other documents: try again in a few seconds", 5, null, null);
  }

  /** Bytes decoded before decoding was stopped (the budget's own counter), for DECODE_LIMIT. */
  public Long decodedBytes() {
    return decodedBytes;
  }

  public Long decodeLimitBytes() {
    return decodeLimitBytes;
  }

  public HttpStatus status() {
    return status;
  }

  public String reason() {
    return reason;
  }

  /** Seconds the client should wait before retrying, 0 if retrying will not help. */
  public long retryAfterSeconds() {
    return retryAfterSeconds;
  }
}
