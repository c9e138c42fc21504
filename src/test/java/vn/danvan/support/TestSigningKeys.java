package vn.danvan.support;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import vn.danvan.signing.CertificateAuthority;

/** A throwaway signing setup for tests that start the application outside the demo profile. */
public final class TestSigningKeys {

  public static final String PASSWORD = "test-keystore-password";

  private TestSigningKeys() {}

  /**
   * Writes a test CA's certificate ({@code trust/root.pem}) and a unit keystore
   * ({@code keys/<unit>.p12}) under the folder; returns the properties that point at them.
   */
  public static List<String> create(Path folder, String unit) throws java.io.IOException {
    Path keys = Files.createDirectories(folder.resolve("keys"));
    Path trust = Files.createDirectories(folder.resolve("trust"));
    CertificateAuthority ca = CertificateAuthority.create("danvan Test Root CA");
    CertificateAuthority.writeKeystore(keys.resolve(unit + ".p12"), ca.issue(unit, "Test unit " + unit, "Test unit", null),
        PASSWORD.toCharArray());
    CertificateAuthority.writePem(trust.resolve("root.pem"), ca.certificate());
    return List.of(
        "DANVAN_SIGNING_KEYSTORE_DIR=" + keys,
        "DANVAN_SIGNING_KEYSTORE_PASSWORD=" + PASSWORD,
        "DANVAN_SIGNING_TRUST_ANCHORS=" + trust.resolve("root.pem"));
  }
}
