package vn.danvan.signing;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * What verification found about one signature of a PDF, in the order the signatures were made.
 *
 * @param signer the signer certificate's common name (a person or a unit), null if unreadable
 * @param organization the signer certificate's organisation (O), if any
 * @param issuer the common name of the certificate's issuer
 * @param signingTime the claimed signing time ({@code /M}), not a trusted timestamp
 * @param integrity the CMS signature is valid and its message digest equals the digest of the
 *     signed byte ranges: the document is unchanged up to this signature
 * @param trusted the signer certificate chains to a configured trust anchor (PKIX at the claimed
 *     signing time, revocation not checked)
 * @param coversWholeDocument the signed byte ranges reach the end of the file: nothing was added
 *     after this signature
 * @param problems why integrity or trust failed, in English, for logs and support
 */
public record SignatureReport(
    String fieldName,
    String signer,
    String organization,
    String issuer,
    OffsetDateTime signingTime,
    String reason,
    String location,
    String subFilter,
    boolean integrity,
    boolean trusted,
    boolean coversWholeDocument,
    List<String> problems) {

  /** Integrity and trust: the signature is valid for what it covers. */
  public boolean valid() {
    return integrity && trusted;
  }
}
