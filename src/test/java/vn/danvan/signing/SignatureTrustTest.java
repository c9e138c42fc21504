package vn.danvan.signing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * When a signature is trusted: real certificates, CRLs and RFC 3161 time-stamps made with Bouncy
 * Castle ({@link TestPki}), real PDFs signed by {@link PdfSigner}, the claimed signing time backdated.
 */
class SignatureTrustTest {

  static final SigningKey ROOT = TestPki.root("Trust Test Root CA");
  static final SigningKey TSA_ROOT = TestPki.root("Trust Test TSA Root");
  static final SigningKey TSA = TestPki.tsa(TSA_ROOT, "Trust Test TSA");
  /** Valid three years ago to one year ago: expired today. */
  static final SigningKey EXPIRED = TestPki.signer(ROOT, "expired", "Phường Hết Hạn", TestPki.years(-3), TestPki.years(-1));
  static final SigningKey CURRENT = TestPki.signer(ROOT, "current", "Phường Đông Hà", TestPki.years(-1), TestPki.years(2));
  static final PdfSigner SIGNER = new PdfSigner(SigningKeys.of(EXPIRED, CURRENT));

  @TempDir
  Path dir;

  @Test
  void expiredCertificateWithBackdatedClaimIsReportedExpiredNotTrusted() {
    byte[] signed = sign("expired", TestPki.years(-2));

    SignatureReport report = verifier(RevocationLists.none()).verify(signed).signatures().get(0);

    assertThat(report.integrity()).isTrue();
    assertThat(report.certificateExpired()).isTrue();
    assertThat(report.trusted()).isFalse();
    assertThat(report.valid()).isFalse();
    assertThat(report.timestamped()).isFalse();
    assertThat(report.signingTime().toInstant()).isEqualTo(TestPki.years(-2).truncatedTo(ChronoUnit.SECONDS));
    assertThat(report.validationTime().toInstant()).isAfter(TestPki.NOW.minusSeconds(1));
    assertThat(report.problems()).anyMatch(p -> p.contains("expired on") && p.contains("claimed signing time is not evidence"));
  }

  @Test
  void expiredCertificateIsTrustedWhenATrustedTimestampProvesSigningWhileItWasValid() {
    byte[] stamped = TestPki.timestamp(sign("expired", TestPki.years(-2)), TSA, TestPki.years(-2), null);

    SignatureReport report = verifier(RevocationLists.none()).verify(stamped).signatures().get(0);

    assertThat(report.problems()).isEmpty();
    assertThat(report.integrity()).isTrue();
    assertThat(report.timestamped()).isTrue();
    assertThat(report.validationTime().toInstant()).isEqualTo(TestPki.years(-2).truncatedTo(ChronoUnit.SECONDS));
    assertThat(report.certificateExpired()).isFalse();
    assertThat(report.trusted()).isTrue();
    assertThat(report.revocation()).isEqualTo("NOT_CHECKED");
  }

  @Test
  void timestampOfAnUntrustedTsaProvesNothing() {
    SigningKey rogueRoot = TestPki.root("Rogue TSA Root");
    byte[] stamped = TestPki.timestamp(sign("expired", TestPki.years(-2)), TestPki.tsa(rogueRoot, "Rogue TSA"),
        TestPki.years(-2), null);

    SignatureReport report = verifier(RevocationLists.none()).verify(stamped).signatures().get(0);

    assertThat(report.timestamped()).isFalse();
    assertThat(report.certificateExpired()).isTrue();
    assertThat(report.trusted()).isFalse();
    assertThat(report.problems()).anyMatch(p -> p.startsWith("The signature time-stamp is not trusted"));
  }

  @Test
  void timestampOverOtherBytesThanTheSignatureProvesNothing() {
    byte[] stamped = TestPki.timestamp(sign("expired", TestPki.years(-2)), TSA, TestPki.years(-2),
        "some other signature".getBytes());

    SignatureReport report = verifier(RevocationLists.none()).verify(stamped).signatures().get(0);

    assertThat(report.timestamped()).isFalse();
    assertThat(report.trusted()).isFalse();
    assertThat(report.problems()).anyMatch(p -> p.contains("message imprint is not the digest of this signature"));
  }

  @Test
  void revokedCertificateIsReportedRevokedNotTrusted() {
    var crl = TestPki.crl(ROOT, TestPki.days(-1), TestPki.days(7), Map.of(CURRENT.certificate(), TestPki.days(-1)));
    byte[] signed = sign("current", TestPki.days(-3));

    SignatureReport report = verifier(RevocationLists.of(crl)).verify(signed).signatures().get(0);

    assertThat(report.integrity()).isTrue();
    assertThat(report.revocation()).isEqualTo("REVOKED");
    assertThat(report.revokedAt().toInstant()).isEqualTo(TestPki.days(-1).truncatedTo(ChronoUnit.SECONDS));
    assertThat(report.trusted()).isFalse();
    assertThat(report.problems()).anyMatch(p -> p.contains("was revoked on"));
  }

  @Test
  void signatureTimestampedBeforeTheRevocationStaysTrusted() {
    var crl = TestPki.crl(ROOT, TestPki.days(-1), TestPki.days(7), Map.of(CURRENT.certificate(), TestPki.days(-1)));
    byte[] stamped = TestPki.timestamp(sign("current", TestPki.days(-10)), TSA, TestPki.days(-10), null);

    SignatureReport report = verifier(RevocationLists.of(crl)).verify(stamped).signatures().get(0);

    assertThat(report.timestamped()).isTrue();
    assertThat(report.revocation()).isEqualTo("GOOD");
    assertThat(report.revokedAt()).isNotNull();
    assertThat(report.trusted()).isTrue();
  }

  @Test
  void staleCrlMakesTheResultUntrusted() {
    var stale = TestPki.crl(ROOT, TestPki.days(-30), TestPki.days(-1), Map.of());

    SignatureReport report = verifier(RevocationLists.of(stale)).verify(sign("current", null)).signatures().get(0);

    assertThat(report.revocation()).isEqualTo("STALE");
    assertThat(report.trusted()).isFalse();
    assertThat(report.problems()).anyMatch(p -> p.contains("nextUpdate"));
  }

  @Test
  void freshCrlWithoutTheCertificateIsGood() {
    var fresh = TestPki.crl(ROOT, TestPki.days(-1), TestPki.days(7),
        Map.of(EXPIRED.certificate(), TestPki.days(-400)));

    SignatureReport report = verifier(RevocationLists.of(fresh)).verify(sign("current", null)).signatures().get(0);

    assertThat(report.revocation()).isEqualTo("GOOD");
    assertThat(report.revokedAt()).isNull();
    assertThat(report.trusted()).isTrue();
    assertThat(report.valid()).isTrue();
  }

  @Test
  void crlFilesAreReadAsPemOrDerAndOneNotSignedByItsIssuerStopsStartup() throws Exception {
    var crl = TestPki.crl(ROOT, TestPki.days(-1), TestPki.days(7), Map.of(CURRENT.certificate(), TestPki.days(-1)));
    Path pem = dir.resolve("root.crl.pem");
    TestPki.writePem(pem, crl);
    Path der = Files.write(dir.resolve("root.crl"), crl.getEncoded());
    assertThat(RevocationLists.load(List.of(pem, der), List.of(ROOT.certificate())).size()).isEqualTo(2);

    // names the root as issuer, signed with another key
    var forged = TestPki.crl(new SigningKey("forged", TSA_ROOT.privateKey(), ROOT.chain()), TestPki.days(-1),
        TestPki.days(7), Map.of());
    Path bad = Files.write(dir.resolve("forged.crl"), forged.getEncoded());
    assertThatThrownBy(() -> RevocationLists.load(List.of(bad), List.of(ROOT.certificate())))
        .isInstanceOf(SigningConfigurationException.class).hasMessageContaining("not signed by that trust anchor");
    assertThatThrownBy(() -> RevocationLists.load(List.of(dir.resolve("missing.crl")), List.of()))
        .isInstanceOf(SigningConfigurationException.class).hasMessageContaining("does not exist");
    // and at verification time a forged CRL is not used: it cannot revoke
    var forgedRevoking = TestPki.crl(new SigningKey("forged", TSA_ROOT.privateKey(), ROOT.chain()), TestPki.days(-1),
        TestPki.days(7), Map.of(CURRENT.certificate(), TestPki.days(-1)));
    SignatureReport report = verifier(RevocationLists.of(forgedRevoking)).verify(sign("current", null)).signatures().get(0);
    assertThat(report.revocation()).isEqualTo("NOT_CHECKED");
  }

  @Test
  void replacedCrlFilesAreReadWithoutRestartAndABrokenReplacementKeepsThePreviousLists() throws Exception {
    Path file = dir.resolve("root.crl");
    Files.write(file, TestPki.crl(ROOT, TestPki.days(-1), TestPki.days(7), Map.of()).getEncoded());
    var clock = new java.util.concurrent.atomic.AtomicReference<>(TestPki.NOW);
    Clock moving = new Clock() {
      @Override public java.time.ZoneId getZone() { return java.time.ZoneOffset.UTC; }
      @Override public Clock withZone(java.time.ZoneId zone) { return this; }
      @Override public java.time.Instant instant() { return clock.get(); }
    };
    var files = new CrlFiles(List.of(file), List.of(ROOT.certificate()), java.time.Duration.ofMinutes(1), moving);
    var verifier = new SignatureVerifier(TrustAnchors.of(ROOT.certificate()), TrustAnchors.of(TSA_ROOT.certificate()),
        files, VerificationLimits.DEFAULT, Clock.systemUTC());
    byte[] signed = sign("current", null);
    assertThat(verifier.verify(signed).signatures().get(0).revocation()).isEqualTo("GOOD");

    // the operator drops in the CA's new CRL, which revokes the certificate
    Files.write(file, TestPki.crl(ROOT, TestPki.NOW, TestPki.days(7), Map.of(CURRENT.certificate(), TestPki.days(-1)))
        .getEncoded());
    Files.setLastModifiedTime(file, java.nio.file.attribute.FileTime.from(TestPki.NOW.plusSeconds(5)));
    assertThat(verifier.verify(signed).signatures().get(0).revocation()).as("not looked at within a minute").isEqualTo("GOOD");
    clock.set(TestPki.NOW.plusSeconds(61));
    assertThat(verifier.verify(signed).signatures().get(0).revocation()).isEqualTo("REVOKED");

    // a broken replacement: logged, the previous lists stay in force
    Files.writeString(file, "not a CRL");
    Files.setLastModifiedTime(file, java.nio.file.attribute.FileTime.from(TestPki.NOW.plusSeconds(70)));
    clock.set(TestPki.NOW.plusSeconds(200));
    assertThat(verifier.verify(signed).signatures().get(0).revocation()).isEqualTo("REVOKED");
  }

  private static byte[] sign(String key, java.time.Instant claimedTime) {
    return SIGNER.signAsUnit(TestPdfs.simple(), key, new SignatureDetails("Phê duyệt", "Đông Hà",
        claimedTime == null ? null : claimedTime.truncatedTo(ChronoUnit.SECONDS)));
  }

  private static SignatureVerifier verifier(RevocationLists crls) {
    return new SignatureVerifier(TrustAnchors.of(ROOT.certificate()), TrustAnchors.of(TSA_ROOT.certificate()), crls,
        VerificationLimits.DEFAULT, Clock.systemUTC());
  }
}
