package vn.danvan.signing;

import java.time.Instant;

/**
 * What a signature states besides the signer: why, where and when.
 *
 * @param reason e.g. "Phê duyệt kết quả giải quyết thủ tục hành chính"
 * @param location e.g. the unit's name, "Phường Đông Hà"
 * @param signingTime the claimed signing time (the signature dictionary's {@code /M}); null means now
 */
public record SignatureDetails(String reason, String location, Instant signingTime) {

  public static SignatureDetails of(String reason, String location) {
    return new SignatureDetails(reason, location, null);
  }

  Instant signingTimeOrNow() {
    return signingTime == null ? Instant.now() : signingTime;
  }
}
