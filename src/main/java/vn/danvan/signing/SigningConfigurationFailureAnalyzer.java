package vn.danvan.signing;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Turns a missing or broken signing configuration into a short startup message instead of a stack trace. */
class SigningConfigurationFailureAnalyzer extends AbstractFailureAnalyzer<SigningConfigurationException> {

  @Override
  protected FailureAnalysis analyze(Throwable rootFailure, SigningConfigurationException cause) {
    return new FailureAnalysis(
        "The signing keys are not usable: " + cause.getMessage(),
        "Put the PKCS#12 keystores (<unit>.p12 for each unit's seal, optionally <userId>.p12 for leaders) in the "
            + "folder DANVAN_SIGNING_KEYSTORE_DIR, set their password in DANVAN_SIGNING_KEYSTORE_PASSWORD and the "
            + "root CA certificate file(s) (PEM, comma-separated) in DANVAN_SIGNING_TRUST_ANCHORS. "
            + "On a machine that is not in production, the demo profile generates demo keys.",
        cause);
  }
}
