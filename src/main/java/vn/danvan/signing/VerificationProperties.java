package vn.danvan.signing;

import java.nio.file.Path;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * What public signature verification trusts besides the root CAs, and what it may cost
 * ({@code danvan.signing.*}; the keys and root CAs are {@link SigningProperties}).
 *
 * @param crls CRL files (DER or PEM, comma-separated) the operator supplies and refreshes; none:
 *     revocation is not checked ({@code NOT_CHECKED} in the report)
 * @param tsaTrustAnchors root certificates (PEM or DER files) of the time-stamp authorities whose
 *     RFC 3161 time-stamps prove a signing time; none: every signature is validated at the time of
 *     verification
 * @param verify the limits of one verification
 */
@ConfigurationProperties("danvan.signing")
public record VerificationProperties(List<String> crls, List<String> tsaTrustAnchors, Verify verify) {

  public VerificationProperties {
    crls = files(crls);
    tsaTrustAnchors = files(tsaTrustAnchors);
    verify = verify == null ? new Verify(null, null, null) : verify;
  }

  /**
   * @param maxDecodedBytes what PDFBox may decode for one file (default 32MB)
   * @param maxCompressionRatio decoded bytes per encoded byte of a stream past 1 MB (default 100)
   * @param maxConcurrent verifications at once on this node (default 2)
   */
  public record Verify(DataSize maxDecodedBytes, Long maxCompressionRatio, Integer maxConcurrent) {}

  VerificationLimits limits() {
    VerificationLimits defaults = VerificationLimits.DEFAULT;
    return new VerificationLimits(
        verify.maxDecodedBytes() == null ? defaults.maxDecodedBytes() : verify.maxDecodedBytes().toBytes(),
        verify.maxCompressionRatio() == null ? defaults.maxCompressionRatio() : verify.maxCompressionRatio(),
        defaults.ratioFloorBytes(),
        verify.maxConcurrent() == null ? defaults.maxConcurrent() : verify.maxConcurrent());
  }

  List<Path> crlPaths() {
    return crls.stream().map(Path::of).toList();
  }

  List<Path> tsaTrustAnchorPaths() {
    return tsaTrustAnchors.stream().map(Path::of).toList();
  }

  private static List<String> files(List<String> files) {
    return files == null ? List.of() : files.stream().filter(s -> s != null && !s.isBlank()).map(String::trim).toList();
  }
}
