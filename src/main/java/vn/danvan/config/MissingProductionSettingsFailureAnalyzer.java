package vn.danvan.config;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Turns missing production settings into one short startup message listing them, instead of a stack trace. */
class MissingProductionSettingsFailureAnalyzer extends AbstractFailureAnalyzer<MissingProductionSettingsException> {

  @Override
  protected FailureAnalysis analyze(Throwable rootFailure, MissingProductionSettingsException cause) {
    return new FailureAnalysis(
        "The application starts in production mode and these settings are missing:\n  - "
            + String.join("\n  - ", cause.missing()),
        "Set them as environment variables (docker-compose.yml and .env.example list them). To try the system "
            + "out instead, on a machine that is not in production, run `./mvnw spring-boot:run` or start with "
            + "--spring.profiles.active=demo (demo users, every password \"demo\").",
        cause);
  }
}
