package vn.danvan.signing;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;

/** Loads the signing keys and trust anchors at startup and provides the signer and the verifier. */
@Configuration
class SigningConfiguration {

  @Bean
  SigningSetup signingSetup(SigningProperties properties, Environment environment) {
    return SigningSetup.load(properties, environment.acceptsProfiles(Profiles.of("demo")));
  }

  @Bean
  PdfSigner pdfSigner(SigningSetup setup) {
    return new PdfSigner(setup.keys());
  }

  @Bean
  SignatureVerifier signatureVerifier(SigningSetup setup) {
    return new SignatureVerifier(setup.trustAnchors());
  }
}
