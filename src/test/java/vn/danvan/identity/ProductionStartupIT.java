package vn.danvan.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngines;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import vn.danvan.DanvanApplication;
import vn.danvan.config.MissingProductionSettingsException;
import vn.danvan.signing.PdfSigner;
import vn.danvan.signing.SigningConfigurationException;
import vn.danvan.support.PostgresTestDatabase;
import vn.danvan.support.TestSigningKeys;

/**
 * Production mode (no profile, as a bare {@code java -jar} starts): no demo users, and no start
 * without a strong administrator password, a PostgreSQL database, or usable signing keys and trust
 * anchors, each named in the startup message.
 */
@ExtendWith(OutputCaptureExtension.class)
class ProductionStartupIT {

  @TempDir
  static Path signing;

  private ConfigurableApplicationContext context;

  @AfterEach
  void stop() {
    if (context != null) {
      context.close();
    }
    ProcessEngines.destroy();
  }

  /** Satisfies our minimum and Camunda's policy (upper, lower, digit, special; not the user name). */
  private static final String STRONG = "Kho-Luu-Tru-2026!";

  @Test
  void bareStartNamesEverythingThatIsMissingInOneMessage(CapturedOutput output) {
    // What `java -jar danvan.jar` sees on a fresh machine: no profile, no settings at all.
    assertThatThrownBy(() -> new SpringApplicationBuilder(DanvanApplication.class)
        .properties("server.port=0", "DANVAN_SIGNING_KEYSTORE_DIR=" + signing.resolve("nothing-here")).run())
        .isInstanceOf(MissingProductionSettingsException.class);
    assertThat(output.getOut() + output.getErr()).contains("APPLICATION FAILED TO START")
        .contains("production mode").contains("DANVAN_ADMIN_PASSWORD").contains("DANVAN_DB_URL").contains("DANVAN_DB_USER")
        .contains("DANVAN_SIGNING_KEYSTORE_DIR").contains("DANVAN_SIGNING_KEYSTORE_PASSWORD")
        .contains("DANVAN_SIGNING_TRUST_ANCHORS").doesNotContain("\tat ")
        .as("refused before the engine starts").doesNotContain("ENGINE-00001");
  }

  @Test
  void refusesToStartWithoutAdministratorPassword(CapturedOutput output) {
    assertThatThrownBy(() -> production("").run()).isInstanceOf(MissingProductionSettingsException.class)
        .satisfies(e -> assertThat(((MissingProductionSettingsException) e).missing()).singleElement().asString()
            .startsWith("DANVAN_ADMIN_PASSWORD"));
    assertThat(output.getOut() + output.getErr()).contains("APPLICATION FAILED TO START").contains("DANVAN_ADMIN_PASSWORD");
  }

  @Test
  void refusesTheEmbeddedH2DatabaseOutsideTheDemo() {
    assertThatThrownBy(() -> production(STRONG).properties("DANVAN_DB_URL=jdbc:h2:mem:production").run())
        .isInstanceOf(MissingProductionSettingsException.class).hasMessageContaining("H2 database is for the demo only");
  }

  @Test
  void refusesToStartWithShortAdministratorPassword() {
    assertThatThrownBy(() -> production("short-pass").run())
        .hasRootCauseInstanceOf(InsecureAdminAccountException.class)
        .rootCause().hasMessageContaining("shorter than 12");
  }

  @Test
  void refusesAnAdministratorPasswordThatBreaksCamundasPasswordPolicy(CapturedOutput output) {
    assertThatThrownBy(() -> production("a-long-but-weak-password").run())
        .hasRootCauseInstanceOf(InsecureAdminAccountException.class)
        .rootCause().hasMessageContaining("password policy").hasMessageContaining("upper-case")
        .hasMessageContaining("digit").hasMessageNotContaining("a-long-but-weak-password");
    assertThat(output.getOut() + output.getErr()).contains("APPLICATION FAILED TO START").doesNotContain("a-long-but-weak-password");
  }

  @Test
  void startsWithoutDemoUsersWhenThePasswordIsStrong() {
    context = production(STRONG).run();
    IdentityService identity = context.getBean(IdentityService.class);
    assertThat(identity.createUserQuery().list()).extracting("id").containsExactly("admin");
    assertThat(identity.checkPassword("admin", STRONG)).isTrue();
    assertThat(identity.getPasswordPolicy()).as("Camunda's password policy is on").isNotNull();
    assertThat(identity.createTenantQuery().count()).isZero();
    assertThat(identity.createGroupQuery().groupId("one-stop-officer").count()).isOne();
    assertThat(context.getBean(PdfSigner.class).hasUnitKey("dongha")).isTrue();
  }

  @Test
  void refusesToStartWithoutSigningKeystores(CapturedOutput output) throws Exception {
    Path empty = Files.createTempDirectory(signing, "empty");

    assertThatThrownBy(() -> production(STRONG).properties("DANVAN_SIGNING_KEYSTORE_DIR=" + empty).run())
        .isInstanceOf(MissingProductionSettingsException.class).hasMessageContaining("holds none");
    assertThat(output.getOut() + output.getErr()).contains("APPLICATION FAILED TO START")
        .contains("DANVAN_SIGNING_KEYSTORE_DIR").doesNotContain("\tat ");
  }

  @Test
  void refusesToStartWithoutTrustAnchors() {
    assertThatThrownBy(() -> production(STRONG).properties("DANVAN_SIGNING_TRUST_ANCHORS=").run())
        .isInstanceOf(MissingProductionSettingsException.class).hasMessageContaining("DANVAN_SIGNING_TRUST_ANCHORS");
  }

  @Test
  void refusesToStartWithUnreadableTrustAnchors() {
    assertThatThrownBy(() -> production(STRONG).properties("DANVAN_SIGNING_TRUST_ANCHORS=" + signing.resolve("none.pem")).run())
        .hasRootCauseInstanceOf(SigningConfigurationException.class);
  }

  @Test
  void refusesToStartWithoutKeystorePassword() {
    assertThatThrownBy(() -> production(STRONG).properties("DANVAN_SIGNING_KEYSTORE_PASSWORD=").run())
        .isInstanceOf(MissingProductionSettingsException.class).hasMessageContaining("DANVAN_SIGNING_KEYSTORE_PASSWORD");
  }

  /** Production mode (no profile) with a database and a valid throwaway signing setup; later properties override. */
  private static SpringApplicationBuilder production(String adminPassword) {
    PostgresTestDatabase.Database database = PostgresTestDatabase.newDatabase();
    List<String> properties = new ArrayList<>(List.of(
        "server.port=0",
        "camunda.bpm.job-execution.enabled=false",
        "DANVAN_DB_URL=" + database.url(),
        "DANVAN_DB_USER=" + database.user(),
        "DANVAN_DB_PASSWORD=" + database.password(),
        "DANVAN_ADMIN_PASSWORD=" + adminPassword));
    try {
      properties.addAll(TestSigningKeys.create(Files.createTempDirectory(signing, "keys"), "dongha"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new SpringApplicationBuilder(DanvanApplication.class)
        .properties(properties.toArray(String[]::new));
  }
}
