package vn.danvan.signing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The startup conditions of the signing keys and trust anchors, outside and inside the demo profile. */
class SigningSetupTest {

  static final String PASSWORD = "keystore-password";

  @TempDir
  Path dir;

  @Test
  void loadsTheKeystoresAndTrustAnchorsOfAValidConfiguration() {
    Path anchors = validKeysAndAnchors();

    SigningSetup setup = SigningSetup.load(new SigningProperties(keys().toString(), PASSWORD, List.of(anchors.toString())), false);

    assertThat(setup.keys().names()).containsExactly("dongha", "dongha.chairman");
    assertThat(setup.trustAnchors().certificates()).hasSize(1);
  }

  @Test
  void refusesAMissingPassword() {
    Path anchors = validKeysAndAnchors();

    assertThatThrownBy(() -> SigningSetup.load(new SigningProperties(keys().toString(), "", List.of(anchors.toString())), false))
        .isInstanceOf(SigningConfigurationException.class).hasMessageContaining("DANVAN_SIGNING_KEYSTORE_PASSWORD");
  }

  @Test
  void refusesAMissingKeystoreFolder() {
    Path anchors = validKeysAndAnchors();

    assertThatThrownBy(() -> load(dir.resolve("nowhere"), PASSWORD, anchors))
        .isInstanceOf(SigningConfigurationException.class).hasMessageContaining("does not exist");
  }

  @Test
  void refusesAFolderWithoutKeystores() throws Exception {
    Path anchors = validKeysAndAnchors();
    Path empty = Files.createDirectories(dir.resolve("empty"));

    assertThatThrownBy(() -> load(empty, PASSWORD, anchors))
        .isInstanceOf(SigningConfigurationException.class).hasMessageContaining("holds no keystore");
  }

  @Test
  void refusesAKeystoreThatDoesNotOpenWithThePasswordWithoutShowingThePassword() {
    Path anchors = validKeysAndAnchors();

    assertThatThrownBy(() -> load(keys(), "wrong-password", anchors))
        .isInstanceOf(SigningConfigurationException.class).hasMessageContaining("cannot be opened")
        .hasMessageNotContaining("wrong-password");
  }

  @Test
  void refusesAConfigurationWithoutTrustAnchors() {
    validKeysAndAnchors();

    assertThatThrownBy(() -> SigningSetup.load(new SigningProperties(keys().toString(), PASSWORD, List.of()), false))
        .isInstanceOf(SigningConfigurationException.class).hasMessageContaining("No trust anchors");
    assertThatThrownBy(() -> load(keys(), PASSWORD, dir.resolve("missing.pem")))
        .isInstanceOf(SigningConfigurationException.class).hasMessageContaining("does not exist");
  }

  @Test
  void demoProfileGeneratesKeysForEveryDemoUnitAndLeaderOnFirstStart() {
    SigningSetup setup = SigningSetup.load(new SigningProperties(dir.toString(), "demo", List.of()), true);

    assertThat(setup.keys().names()).containsExactlyInAnyOrder("quangtri", "dongha", "camlo", "dongha.chairman",
        "dongha.vicechair", "camlo.chairman", "camlo.vicechair", "quangtri.chairman");
    SigningKey dongha = setup.keys().find("dongha").orElseThrow();
    assertThat(dongha.certificate().getSubjectX500Principal().getName()).contains("CN=Phường Đông Hà").contains("C=VN");
    assertThat(setup.keys().find("camlo.chairman").orElseThrow().signerName()).isEqualTo("Dương Văn Quang");
    assertThat(DistinguishedNames.commonName(setup.trustAnchors().certificates().get(0).getSubjectX500Principal()))
        .isEqualTo("danvan Demo Root CA");
    assertThat(Files.exists(dir.resolve("demo-ca/root-ca.pem"))).isTrue();
    byte[] signed = new PdfSigner(setup.keys()).signAsLeaderAndUnit(TestPdfs.simple(), "dongha.chairman", "dongha",
        SignatureDetails.of("Phê duyệt", "Phường Đông Hà"));
    assertThat(new SignatureVerifier(setup.trustAnchors()).verify(signed).valid()).isTrue();
  }

  @Test
  void demoProfileReusesExistingKeysOnLaterStarts() throws Exception {
    SigningProperties properties = new SigningProperties(dir.toString(), "demo", List.of());
    SigningSetup first = SigningSetup.load(properties, true);
    byte[] keystore = Files.readAllBytes(dir.resolve("dongha.p12"));

    SigningSetup second = SigningSetup.load(properties, true);

    assertThat(Files.readAllBytes(dir.resolve("dongha.p12"))).isEqualTo(keystore);
    assertThat(second.keys().find("dongha").orElseThrow().certificate())
        .isEqualTo(first.keys().find("dongha").orElseThrow().certificate());
    assertThat(second.trustAnchors().certificates()).isEqualTo(first.trustAnchors().certificates());
  }

  private SigningSetup load(Path keys, String password, Path anchors) {
    return SigningSetup.load(new SigningProperties(keys.toString(), password, List.of(anchors.toString())), false);
  }

  private Path keys() {
    return dir.resolve("keys");
  }

  private Path validKeysAndAnchors() {
    try {
      Files.createDirectories(keys());
      CertificateAuthority ca = CertificateAuthority.create("Setup Test CA");
      CertificateAuthority.writeKeystore(keys().resolve("dongha.p12"), ca.issue("dongha", "Phường Đông Hà", "Phường Đông Hà", null),
          PASSWORD.toCharArray());
      CertificateAuthority.writeKeystore(keys().resolve("dongha.chairman.p12"),
          ca.issue("dongha.chairman", "Lê Văn Minh", "Phường Đông Hà", "Chủ tịch"), PASSWORD.toCharArray());
      Path pem = dir.resolve("root.pem");
      CertificateAuthority.writePem(pem, ca.certificate());
      return pem;
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
