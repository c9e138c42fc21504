package vn.danvan.signing;

import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Calendar;
import java.util.Date;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.PDSignature;
import org.apache.pdfbox.pdmodel.interactive.form.PDSignatureField;
import org.bouncycastle.asn1.ASN1InputStream;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.cms.ContentInfo;
import org.bouncycastle.asn1.cms.Attribute;
import org.bouncycastle.asn1.cms.CMSAttributes;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import org.bouncycastle.util.Selector;
import vn.danvan.calendar.VietnamTime;

/**
 * Verifies the signatures of a PDF: for each, whether the signed bytes are unchanged (integrity),
 * whether the signer's certificate is trusted at the time of validation and whether it covers the
 * whole file.
 *
 * <p>The time of validation is the time of verification (now), unless a trusted RFC 3161 time-stamp
 * over the signature proves an earlier time ({@link SignatureTimestamps}); the claimed {@code /M}
 * and a signed signingTime attribute prove nothing. Trust is: the signer's certificate valid at that
 * time (an expired one is reported as such), a PKIX path to a configured root CA at that time, and
 * not revoked nor out of date on the operator's CRLs ({@link RevocationLists}).
 *
 * <p>Bounded per call: everything PDFBox decodes counts against a {@link DecodeBudget}, and a file
 * over it is refused ({@link VerificationRefusedException}) instead of decoded. Thread-safe.
 */
public class SignatureVerifier {

  private static final List<String> CMS_SUB_FILTERS = List.of(
      PDSignature.SUBFILTER_ETSI_CADES_DETACHED.getName(), PDSignature.SUBFILTER_ADBE_PKCS7_DETACHED.getName());

  private final TrustAnchors trustAnchors;
  private final Supplier<RevocationLists> crls;
  private final SignatureTimestamps timestamps;
  private final VerificationLimits limits;
  private final Clock clock;

  /** Without time-stamp authorities and CRLs, with the default limits. */
  public SignatureVerifier(TrustAnchors trustAnchors) {
    this(trustAnchors, TrustAnchors.of(), RevocationLists.none(), VerificationLimits.DEFAULT, Clock.systemUTC());
  }

  /**
   * @param tsaAnchors root certificates of the time-stamp authorities whose time-stamps prove a
   *     signing time (none: every signature is validated at the time of verification)
   * @param clock the time of verification
   */
  public SignatureVerifier(TrustAnchors trustAnchors, TrustAnchors tsaAnchors, RevocationLists crls,
      VerificationLimits limits, Clock clock) {
    this(trustAnchors, tsaAnchors, () -> crls, limits, clock);
  }

  /** @param crls the CRLs in force at each verification (re-read files: {@link CrlFiles}) */
  SignatureVerifier(TrustAnchors trustAnchors, TrustAnchors tsaAnchors, Supplier<RevocationLists> crls,
      VerificationLimits limits, Clock clock) {
    this.trustAnchors = trustAnchors;
    this.crls = crls;
    this.timestamps = new SignatureTimestamps(tsaAnchors);
    this.limits = limits;
    this.clock = clock;
    BudgetedFilter.install();
  }

  VerificationLimits limits() {
    return limits;
  }

  /**
   * Reports on every signature of the PDF; an unsigned PDF gives a report without signatures.
   *
   * @throws InvalidPdfException if the bytes are not a readable PDF
   * @throws VerificationRefusedException if decoding the file would exceed the limits
   */
  public VerificationReport verify(byte[] pdf) {
    List<SignatureReport> reports = new ArrayList<>();
    try (DecodeBudget budget = DecodeBudget.open(limits)) {
      try (PDDocument document = PdfSigner.load(pdf)) {
        List<PDSignatureField> fields = new ArrayList<>(document.getSignatureFields().stream()
            .filter(field -> field.getSignature() != null).toList());
        // In signing order: an earlier signature covers less of the file.
        fields.sort((a, b) -> Long.compare(end(a.getSignature()), end(b.getSignature())));
        for (PDSignatureField field : fields) {
          reports.add(verify(pdf, field.getFullyQualifiedName(), field.getSignature()));
        }
      } catch (IOException | InvalidPdfException e) {
        refuseIfOverBudget(budget);
        throw e instanceof InvalidPdfException invalid ? invalid
            : new InvalidPdfException("Not a readable PDF: " + e.getMessage(), e);
      }
      // PDFBox may swallow the limit's exception and repair around it: the budget has the last word
      refuseIfOverBudget(budget);
    }
    return new VerificationReport(sha256(pdf), reports);
  }

  private static void refuseIfOverBudget(DecodeBudget budget) {
    if (budget.exceeded() != null) {
      throw VerificationRefusedException.decodeLimit(budget.exceeded(), budget.decodedBytes(), budget.maxDecodedBytes());
    }
  }

  private SignatureReport verify(byte[] pdf, String fieldName, PDSignature signature) {
    List<String> problems = new ArrayList<>();
    int[] range = signature.getByteRange();
    boolean wellFormedRange = isWellFormed(range, pdf);
    boolean coversWholeDocument = wellFormedRange && (long) range[2] + range[3] == pdf.length;
    String subFilter = signature.getSubFilter();
    Signed signed = null;
    if (!wellFormedRange) {
      problems.add("ByteRange " + Arrays.toString(range) + " does not describe the file around the signature");
    } else if (subFilter == null || !CMS_SUB_FILTERS.contains(subFilter)) {
      problems.add("Unsupported SubFilter " + subFilter);
    } else {
      signed = readCms(pdf, signature, problems);
    }
    boolean integrity = signed != null && checkIntegrity(signed, problems);
    Trust trust = signed != null && signed.certificate() != null ? checkTrust(signed, problems) : Trust.NONE;
    X509Certificate certificate = signed == null ? null : signed.certificate();
    return new SignatureReport(
        fieldName,
        certificate == null ? signature.getName() : DistinguishedNames.commonName(certificate.getSubjectX500Principal()),
        certificate == null ? null : DistinguishedNames.organization(certificate.getSubjectX500Principal()),
        certificate == null ? null : DistinguishedNames.commonName(certificate.getIssuerX500Principal()),
        time(signature.getSignDate()),
        signature.getReason(),
        signature.getLocation(),
        subFilter,
        integrity,
        trust.trusted(),
        coversWholeDocument,
        time(trust.validationTime()),
        trust.timestamped(),
        trust.expired(),
        trust.revocation().status().name(),
        time(trust.revocation().revokedAt()),
        List.copyOf(problems));
  }

  /** The CMS structure with the signed bytes and the signer's certificate, or null if unreadable. */
  private record Signed(byte[] content, SignerInformation signer, X509Certificate certificate, List<X509Certificate> certificates) {}

  private static Signed readCms(byte[] pdf, PDSignature signature, List<String> problems) {
    try {
      byte[] content = signature.getSignedContent(pdf);
      CMSSignedData cms = new CMSSignedData(new CMSProcessableByteArray(content), contentInfo(signature.getContents(pdf)));
      var signers = cms.getSignerInfos().getSigners();
      if (signers.size() != 1) {
        problems.add("The CMS signature has " + signers.size() + " signers, expected one");
        return null;
      }
      SignerInformation signer = signers.iterator().next();
      var converter = new JcaX509CertificateConverter();
      List<X509Certificate> certificates = new ArrayList<>();
      for (X509CertificateHolder holder : cms.getCertificates().getMatches(null)) {
        certificates.add(converter.getCertificate(holder));
      }
      @SuppressWarnings("unchecked")
      var matches = cms.getCertificates().getMatches((Selector<X509CertificateHolder>) signer.getSID());
      X509Certificate certificate = matches.isEmpty() ? null : converter.getCertificate(matches.iterator().next());
      if (certificate == null) {
        problems.add("The signer's certificate is not embedded in the signature");
      }
      return new Signed(content, signer, certificate, certificates);
    } catch (IOException | CMSException | GeneralSecurityException | RuntimeException e) {
      problems.add("Unreadable CMS signature: " + e.getMessage());
      return null;
    }
  }

  /** The CMS structure of /Contents without the zero padding after it, which Bouncy Castle refuses. */
  static ContentInfo contentInfo(byte[] contents) throws IOException {
    try (ASN1InputStream in = new ASN1InputStream(contents)) {
      return ContentInfo.getInstance(in.readObject());
    }
  }

  /** The message digest attribute equals the digest of the signed bytes, and the signature over the attributes is valid. */
  private static boolean checkIntegrity(Signed signed, List<String> problems) {
    try {
      Attribute digestAttribute = signed.signer().getSignedAttributes() == null ? null
          : signed.signer().getSignedAttributes().get(CMSAttributes.messageDigest);
      if (digestAttribute == null) {
        problems.add("The signature has no message-digest attribute");
        return false;
      }
      byte[] claimed = ASN1OctetString.getInstance(digestAttribute.getAttrValues().getObjectAt(0)).getOctets();
      var calculator = new JcaDigestCalculatorProviderBuilder().build().get(signed.signer().getDigestAlgorithmID());
      try (var out = calculator.getOutputStream()) {
        out.write(signed.content());
      }
      if (!MessageDigest.isEqual(claimed, calculator.getDigest())) {
        problems.add("The document was modified after signing: the digest of the signed bytes differs");
        return false;
      }
      if (signed.certificate() == null) {
        return false;
      }
      if (!signed.signer().verify(new JcaSimpleSignerInfoVerifierBuilder().build(signed.certificate()))) {
        problems.add("The cryptographic signature does not match the signer's certificate");
        return false;
      }
      return true;
    } catch (IOException | OperatorCreationException | CMSException | RuntimeException e) {
      problems.add("The signature cannot be checked: " + e.getMessage());
      return false;
    }
  }

  /** The trust verdict of one signature and what it was based on. */
  private record Trust(boolean trusted, Instant validationTime, boolean timestamped, boolean expired,
      RevocationLists.Check revocation) {
    static final Trust NONE = new Trust(false, null, false, false,
        new RevocationLists.Check(RevocationLists.Status.NOT_CHECKED, null, null));
  }

  private Trust checkTrust(Signed signed, List<String> problems) {
    Instant now = clock.instant();
    RevocationLists crls = this.crls.get();
    Optional<Instant> proven = timestamps.provenTime(signed.signer(), crls, now, problems);
    Instant at = proven.orElse(now);
    String when = proven.isPresent() ? "the time-stamped signing time " + at
        : "the time of verification " + at + " (no trusted time-stamp proves an earlier signing time; the claimed"
            + " signing time is not evidence)";
    X509Certificate certificate = signed.certificate();
    boolean expired = at.isAfter(certificate.getNotAfter().toInstant());
    boolean notYetValid = at.isBefore(certificate.getNotBefore().toInstant());
    if (expired) {
      problems.add("The signer's certificate expired on " + certificate.getNotAfter().toInstant() + ", before " + when);
    } else if (notYetValid) {
      problems.add("The signer's certificate is valid only from " + certificate.getNotBefore().toInstant() + ", after "
          + when);
    }
    List<X509Certificate> path = null;
    if (!expired && !notYetValid) {
      try {
        path = trustAnchors.validate(certificate, signed.certificates(), Date.from(at));
      } catch (GeneralSecurityException e) {
        problems.add("The certificate does not chain to a trusted root CA at " + when + ": " + e.getMessage());
      }
    }
    RevocationLists.Check revocation = path == null ? Trust.NONE.revocation() : crls.checkPath(path, at, now);
    if (revocation.problem() != null) {
      problems.add(revocation.problem());
    }
    boolean trusted = path != null && revocation.status() != RevocationLists.Status.REVOKED
        && revocation.status() != RevocationLists.Status.STALE;
    return new Trust(trusted, at, proven.isPresent(), expired, revocation);
  }

  private static boolean isWellFormed(int[] range, byte[] pdf) {
    if (range == null || range.length != 4 || range[0] != 0 || range[1] <= 0 || range[2] <= range[1] || range[3] < 0) {
      return false;
    }
    long end = (long) range[2] + range[3];
    // The gap between the two ranges is exactly the hex string holding the signature: <...>.
    return end <= pdf.length && pdf[range[1]] == '<' && pdf[range[2] - 1] == '>';
  }

  private static long end(PDSignature signature) {
    int[] range = signature.getByteRange();
    return range != null && range.length == 4 ? (long) range[2] + range[3] : Long.MAX_VALUE;
  }

  private static OffsetDateTime time(Calendar calendar) {
    return calendar == null ? null : time(calendar.toInstant());
  }

  private static OffsetDateTime time(Instant instant) {
    return instant == null ? null : instant.atZone(VietnamTime.ZONE).toOffsetDateTime();
  }

  static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }
}
