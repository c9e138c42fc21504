package vn.danvan.signing;

import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.List;

/**
 * A private key with its certificate chain, signer first. {@link #toString()} never shows the key.
 *
 * @param name the keystore's name: a unit code or a user id
 */
public record SigningKey(String name, PrivateKey privateKey, List<X509Certificate> chain) {

  public SigningKey {
    if (chain == null || chain.isEmpty()) {
      throw new IllegalArgumentException("A signing key needs its certificate");
    }
    chain = List.copyOf(chain);
  }

  public X509Certificate certificate() {
    return chain.get(0);
  }

  /** The signer's common name (CN) as it appears in the certificate. */
  public String signerName() {
    return DistinguishedNames.commonName(certificate().getSubjectX500Principal());
  }

  @Override
  public String toString() {
    return "SigningKey[" + name + ", " + certificate().getSubjectX500Principal().getName() + "]";
  }
}
