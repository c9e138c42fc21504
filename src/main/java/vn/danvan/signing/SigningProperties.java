package vn.danvan.signing;

import java.nio.file.Path;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where the signing keys and trust anchors are ({@code danvan.signing.*}).
 *
 * @param keystoreDir folder of PKCS#12 keystores: {@code <unit>.p12} holds a unit's organisation
 *     key and certificate chain (its seal), {@code <userId>.p12} a leader's personal key (default
 *     {@code ./data/signing}). A string, not a {@code Path}: Spring's path conversion tries the
 *     classpath first for relative paths.
 * @param keystorePassword password of every keystore and of its key entry
 * @param trustAnchors PEM files with the root CA certificates that verification trusts
 */
@ConfigurationProperties("danvan.signing")
public record SigningProperties(String keystoreDir, String keystorePassword, List<String> trustAnchors) {

  public static final String DEFAULT_KEYSTORE_DIR = "./data/signing";

  public SigningProperties {
    keystoreDir = keystoreDir == null || keystoreDir.isBlank() ? DEFAULT_KEYSTORE_DIR : keystoreDir;
    trustAnchors = trustAnchors == null ? List.of()
        : trustAnchors.stream().filter(s -> s != null && !s.isBlank()).map(String::trim).toList();
  }

  public Path keystorePath() {
    return Path.of(keystoreDir);
  }

  public boolean hasPassword() {
    return keystorePassword != null && !keystorePassword.isEmpty();
  }

  /** Never prints the password. */
  @Override
  public String toString() {
    return "SigningProperties[keystoreDir=" + keystoreDir + ", trustAnchors=" + trustAnchors + "]";
  }
}
