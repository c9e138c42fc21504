package vn.danvan.signing;

import java.util.List;

/**
 * The signatures of a PDF as verification found them.
 *
 * @param documentSha256 SHA-256 of the verified bytes (hex), to compare with a stored document's
 */
public record VerificationReport(String documentSha256, List<SignatureReport> signatures) {

  public boolean signed() {
    return !signatures.isEmpty();
  }

  /**
   * Every signature is valid and the last one covers the whole document: the file is exactly what
   * its last signer signed.
   */
  public boolean valid() {
    return signed() && signatures.stream().allMatch(SignatureReport::valid)
        && signatures.get(signatures.size() - 1).coversWholeDocument();
  }
}
