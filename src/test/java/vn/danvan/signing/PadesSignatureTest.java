package vn.danvan.signing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.PDSignature;
import org.bouncycastle.asn1.cms.CMSAttributes;
import org.bouncycastle.asn1.ess.SigningCertificateV2;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.SignerInformation;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Signing with PdfSigner and verifying with SignatureVerifier, on PDFs made in the test. */
class PadesSignatureTest {

  static final String UNIT = "dongha";
  static final String LEADER = "dongha.chairman";
  static final SignatureDetails DETAILS = new SignatureDetails("Phê duyệt kết quả giải quyết thủ tục hành chính",
      "Phường Đông Hà", Instant.now().truncatedTo(ChronoUnit.SECONDS));

  static CertificateAuthority ca;
  static PdfSigner signer;
  static SignatureVerifier verifier;

  @BeforeAll
  static void keys() {
    ca = CertificateAuthority.create("Test Root CA");
    signer = new PdfSigner(SigningKeys.of(
        ca.issue(UNIT, "Phường Đông Hà", "Phường Đông Hà", null),
        ca.issue(LEADER, "Lê Văn Minh", "Phường Đông Hà", "Chủ tịch UBND phường")));
    verifier = new SignatureVerifier(TrustAnchors.of(ca.certificate()));
  }

  @Test
  void signedDocumentIsValidTrustedAndCoversTheWholeDocument() {
    byte[] signed = signer.signAsUnit(TestPdfs.simple(), UNIT, DETAILS);

    VerificationReport report = verifier.verify(signed);

    assertThat(report.signatures()).hasSize(1);
    SignatureReport signature = report.signatures().get(0);
    assertThat(signature.problems()).isEmpty();
    assertThat(signature.integrity()).isTrue();
    assertThat(signature.trusted()).isTrue();
    assertThat(signature.coversWholeDocument()).isTrue();
    assertThat(signature.signer()).isEqualTo("Phường Đông Hà");
    assertThat(signature.issuer()).isEqualTo("Test Root CA");
    assertThat(signature.reason()).isEqualTo("Phê duyệt kết quả giải quyết thủ tục hành chính");
    assertThat(signature.location()).isEqualTo("Phường Đông Hà");
    assertThat(signature.signingTime().toInstant()).isEqualTo(DETAILS.signingTime());
    assertThat(signature.signingTime().getOffset()).isEqualTo(ZoneOffset.ofHours(7));
    assertThat(signature.subFilter()).isEqualTo("ETSI.CAdES.detached");
    assertThat(report.valid()).isTrue();
  }

  @Test
  void signatureIsPadesBaselineWithSigningCertificateV2AndNoCmsSigningTime() throws Exception {
    byte[] signed = signer.signAsUnit(TestPdfs.simple(), UNIT, DETAILS);

    try (PDDocument document = Loader.loadPDF(signed)) {
      PDSignature signature = document.getLastSignatureDictionary();
      assertThat(signature.getFilter()).isEqualTo("Adobe.PPKLite");
      assertThat(signature.getSubFilter()).isEqualTo("ETSI.CAdES.detached");
      assertThat(signature.getName()).isEqualTo("Phường Đông Hà");
      CMSSignedData cms = new CMSSignedData(SignatureVerifier.contentInfo(signature.getContents(signed)));
      SignerInformation info = cms.getSignerInfos().getSigners().iterator().next();
      var attribute = info.getSignedAttributes().get(PKCSObjectIdentifiers.id_aa_signingCertificateV2);
      assertThat(attribute).isNotNull();
      byte[] certificateHash = SigningCertificateV2.getInstance(attribute.getAttrValues().getObjectAt(0)).getCerts()[0].getCertHash();
      byte[] expected = MessageDigest.getInstance("SHA-256").digest(cms.getCertificates().getMatches(null).stream()
          .filter(c -> !c.getSubject().equals(c.getIssuer())).findFirst().orElseThrow().getEncoded());
      assertThat(certificateHash).isEqualTo(expected);
      assertThat(info.getSignedAttributes().get(CMSAttributes.signingTime)).isNull();
      assertThat(info.getDigestAlgOID()).isEqualTo("2.16.840.1.101.3.4.2.1");
    }
  }

  @Test
  void oneChangedByteInsideTheSignedRangeBreaksIntegrity() {
    byte[] signed = signer.signAsUnit(TestPdfs.simple(), UNIT, DETAILS);
    int at = TestPdfs.indexOf(signed, TestPdfs.TEXT);
    assertThat(at).isPositive();
    byte[] tampered = signed.clone();
    tampered[at] = 'X';

    SignatureReport signature = verifier.verify(tampered).signatures().get(0);

    assertThat(signature.integrity()).isFalse();
    assertThat(signature.problems()).anyMatch(p -> p.contains("modified after signing"));
    assertThat(verifier.verify(tampered).valid()).isFalse();
  }

  @Test
  void certificateFromAnotherCaIsUntrusted() {
    CertificateAuthority other = CertificateAuthority.create("Some Other CA");
    PdfSigner foreign = new PdfSigner(SigningKeys.of(other.issue(UNIT, "Phường Đông Hà", "Phường Đông Hà", null)));
    byte[] signed = foreign.signAsUnit(TestPdfs.simple(), UNIT, DETAILS);

    SignatureReport signature = verifier.verify(signed).signatures().get(0);

    assertThat(signature.integrity()).isTrue();
    assertThat(signature.trusted()).isFalse();
    assertThat(signature.issuer()).isEqualTo("Some Other CA");
    assertThat(verifier.verify(signed).valid()).isFalse();
  }

  @Test
  void leaderThenUnitAreBothValidAndOnlyTheLastCoversTheWholeDocument() {
    byte[] signed = signer.signAsLeaderAndUnit(TestPdfs.simple(), LEADER, UNIT, DETAILS);

    VerificationReport report = verifier.verify(signed);

    assertThat(report.signatures()).extracting(SignatureReport::signer).containsExactly("Lê Văn Minh", "Phường Đông Hà");
    assertThat(report.signatures()).allSatisfy(s -> {
      assertThat(s.integrity()).isTrue();
      assertThat(s.trusted()).isTrue();
    });
    assertThat(report.signatures()).extracting(SignatureReport::coversWholeDocument).containsExactly(false, true);
    assertThat(report.signatures().get(0).organization()).isEqualTo("Phường Đông Hà");
    assertThat(report.valid()).isTrue();
  }

  @Test
  void theClaimedSigningTimeIsNotEvidence() {
    // /M 30 days before the certificate was issued: judged at the time of verification, not at /M
    var early = new SignatureDetails("Thử", "Đông Hà", Instant.now().minus(30, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS));
    byte[] signed = signer.signAsUnit(TestPdfs.simple(), UNIT, early);

    SignatureReport signature = verifier.verify(signed).signatures().get(0);

    assertThat(signature.integrity()).isTrue();
    assertThat(signature.trusted()).isTrue();
    assertThat(signature.timestamped()).isFalse();
    assertThat(signature.signingTime().toInstant()).isEqualTo(early.signingTime());
    assertThat(signature.validationTime().toInstant()).isAfter(early.signingTime().plus(29, ChronoUnit.DAYS));
  }

  @Test
  void leaderWithoutPersonalKeyGetsOnlyTheUnitSeal() {
    byte[] signed = signer.signAsLeaderAndUnit(TestPdfs.simple(), "dongha.vicechair", UNIT, DETAILS);

    assertThat(signer.hasPersonalKey("dongha.vicechair")).isFalse();
    assertThat(verifier.verify(signed).signatures()).extracting(SignatureReport::signer).containsExactly("Phường Đông Hà");
  }

  @Test
  void bytesAddedAfterTheLastSignatureAreNotCovered() throws Exception {
    byte[] signed = signer.signAsUnit(TestPdfs.simple(), UNIT, DETAILS);
    byte[] updated;
    try (PDDocument document = Loader.loadPDF(signed)) {
      document.getDocumentInformation().setTitle("changed afterwards");
      document.getDocumentInformation().getCOSObject().setNeedToBeUpdated(true);
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      document.saveIncremental(out);
      updated = out.toByteArray();
    }
    assertThat(updated.length).isGreaterThan(signed.length);

    VerificationReport report = verifier.verify(updated);

    assertThat(report.signatures().get(0).integrity()).isTrue();
    assertThat(report.signatures().get(0).coversWholeDocument()).isFalse();
    assertThat(report.valid()).isFalse();
  }

  @Test
  void missingKeysAreMissingSigningKeyExceptions() {
    byte[] pdf = TestPdfs.simple();

    assertThatThrownBy(() -> signer.signAsUnit(pdf, "camlo", DETAILS)).isInstanceOf(MissingSigningKeyException.class)
        .extracting(e -> ((MissingSigningKeyException) e).keyName()).isEqualTo("camlo");
    assertThatThrownBy(() -> signer.signAsLeader(pdf, "camlo.chairman", DETAILS)).isInstanceOf(MissingSigningKeyException.class);
    assertThatThrownBy(() -> signer.signAsLeaderAndUnit(pdf, LEADER, "camlo", DETAILS))
        .isInstanceOf(MissingSigningKeyException.class);
  }

  @Test
  void bytesThatAreNotAPdfAreInvalidPdfExceptions() {
    byte[] notPdf = "Đây không phải PDF".getBytes(java.nio.charset.StandardCharsets.UTF_8);
    byte[] truncated = Arrays.copyOf(TestPdfs.simple(), 40);

    assertThatThrownBy(() -> signer.signAsUnit(notPdf, UNIT, DETAILS)).isInstanceOf(InvalidPdfException.class);
    assertThatThrownBy(() -> signer.signAsUnit(new byte[0], UNIT, DETAILS)).isInstanceOf(InvalidPdfException.class);
    assertThatThrownBy(() -> verifier.verify(notPdf)).isInstanceOf(InvalidPdfException.class);
    assertThatThrownBy(() -> verifier.verify(truncated)).isInstanceOf(InvalidPdfException.class);
  }

  @Test
  void unsignedPdfHasNoSignatures() {
    VerificationReport report = verifier.verify(TestPdfs.simple());

    assertThat(report.signed()).isFalse();
    assertThat(report.valid()).isFalse();
  }
}
