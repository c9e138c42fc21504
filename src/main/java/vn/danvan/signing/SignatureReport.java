package vn.danvan.signing;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * What verification found about one signature of a PDF, in the order the signatures were made.
 *
 * @param signer the signer certificate's common name (a person or a unit), null if unreadable
 * @param organization the signer certificate's organisation (O), if any
 * @param issuer the common name of the certificate's issuer
 * @param signingTime the claimed signing time ({@code /M}): shown, never used as evidence
 * @param integrity the CMS signature is valid and its message digest equals the digest of the
 *     signed byte ranges: the document is unchanged up to this signature
 * @param trusted at {@code validationTime} the signer certificate is valid (not expired), chains to
 *     a configured trust anchor, and is neither revoked nor checked against an out-of-date CRL
 * @param coversWholeDocument the signed byte ranges reach the end of the file: nothing was added
 *     after this signature
 * @param validationTime the time trust was judged at: a trusted time-stamp's genTime, else the time
 *     of verification; null when the CMS signature was unreadable
 * @param timestamped a trusted RFC 3161 time-stamp proved {@code validationTime}
 * @param certificateExpired the signer certificate had expired at {@code validationTime}
 * @param revocation what the operator's CRLs say: GOOD, REVOKED (at or before {@code
 *     validationTime}), STALE (the newest CRL is past its nextUpdate) or NOT_CHECKED (no CRL of
 *     the issuer)
 * @param revokedAt when the signer certificate was revoked, if it is on a CRL
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
    OffsetDateTime validationTime,
    boolean timestamped,
    boolean certificateExpired,
    String revocation,
    OffsetDateTime revokedAt,
    List<String> problems) {

  /** Integrity and trust: the signature is valid for what it covers. */
  public boolean valid() {
    return integrity && trusted;
  }
}
