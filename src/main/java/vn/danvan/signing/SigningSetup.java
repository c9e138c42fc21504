package vn.danvan.signing;

import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.cert.X509Certificate;
import java.util.Date;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The signing keys and trust anchors the application starts with, checked before anything signs.
 *
 * <p>Startup stops ({@link SigningConfigurationException}) unless: a keystore password is set; the
 * keystore folder exists, is readable and holds at least one {@code *.p12}; every keystore in it
 * opens with the password and holds exactly one private key with its certificate chain; at least
 * one trust anchor file is configured and each exists and holds a certificate. In the demo profile
 * the demo keys are generated first, and the demo root joins the trust anchors. A key whose
 * certificate does not chain to a trust anchor today is logged as a warning, not refused: an
 * expiring certificate must not stop the whole platform.
 */
record SigningSetup(SigningKeys keys, TrustAnchors trustAnchors) {

  private static final Logger LOG = LoggerFactory.getLogger(SigningSetup.class);

  static SigningSetup load(SigningProperties properties, boolean demo) {
    if (!properties.hasPassword()) {
      throw new SigningConfigurationException("No keystore password: set DANVAN_SIGNING_KEYSTORE_PASSWORD "
          + "(danvan.signing.keystore-password).");
    }
    char[] password = properties.keystorePassword().toCharArray();
    Path dir = properties.keystorePath();
    X509Certificate demoRoot = demo ? DemoSigningKeys.ensure(dir, password) : null;
    SigningKeys keys = SigningKeys.load(dir, password);
    TrustAnchors anchors;
    if (demo && properties.trustAnchors().isEmpty()) {
      anchors = TrustAnchors.of(demoRoot);
    } else {
      anchors = TrustAnchors.load(properties.trustAnchors().stream().map(Path::of).toList());
      anchors = demoRoot == null ? anchors : anchors.with(demoRoot);
    }
    warnAboutUntrustedKeys(keys, anchors);
    LOG.info("Signing: {} keystore(s) in {}, {} trust anchor(s)", keys.size(), dir.toAbsolutePath(), anchors.certificates().size());
    return new SigningSetup(keys, anchors);
  }

  private static void warnAboutUntrustedKeys(SigningKeys keys, TrustAnchors anchors) {
    for (String name : keys.names()) {
      SigningKey key = keys.find(name).orElseThrow();
      try {
        anchors.validate(key.certificate(), key.chain(), new Date());
      } catch (GeneralSecurityException e) {
        LOG.warn("Signing key {}: its certificate does not chain to a trust anchor today ({}); its signatures will "
            + "verify as untrusted", name, e.getMessage());
      }
    }
  }
}
