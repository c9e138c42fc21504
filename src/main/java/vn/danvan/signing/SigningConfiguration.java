package vn.danvan.signing;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;

/**
 * Loads the signing keys, trust anchors, time-stamp authorities and CRLs at startup and provides
 * the signer, the verifier and the gate that caps concurrent verifications.
 */
@Configuration
class SigningConfiguration {

  private static final Logger LOG = LoggerFactory.getLogger(SigningConfiguration.class);
  /** How often replaced CRL files are noticed. */
  private static final Duration CRL_CHECK_INTERVAL = Duration.ofMinutes(1);

  @Bean
  SigningSetup signingSetup(SigningProperties properties, Environment environment) {
    return SigningSetup.load(properties, environment.acceptsProfiles(Profiles.of("demo")));
  }

  @Bean
  PdfSigner pdfSigner(SigningSetup setup) {
    return new PdfSigner(setup.keys());
  }

  @Bean
  SignatureVerifier signatureVerifier(SigningSetup setup, VerificationProperties properties) {
    TrustAnchors tsaAnchors = properties.tsaTrustAnchors().isEmpty() ? TrustAnchors.of()
        : TrustAnchors.load(properties.tsaTrustAnchorPaths());
    List<java.security.cert.X509Certificate> issuers = new ArrayList<>(setup.trustAnchors().certificates());
    issuers.addAll(tsaAnchors.certificates());
    CrlFiles crls = new CrlFiles(properties.crlPaths(), issuers, CRL_CHECK_INTERVAL, Clock.systemUTC());
    LOG.info("Signature verification: {} TSA trust anchor(s), {} CRL(s), limits {}", tsaAnchors.certificates().size(),
        crls.get().size(), properties.limits());
    return new SignatureVerifier(setup.trustAnchors(), tsaAnchors, crls, properties.limits(), Clock.systemUTC());
  }

  @Bean
  VerificationGate verificationGate(SignatureVerifier verifier) {
    return new VerificationGate(verifier.limits().maxConcurrent());
  }
}
