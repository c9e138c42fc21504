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
import vn.danvan.signing.PdfSigner;
import vn.danvan.signing.SigningConfigurationException;
import vn.danvan.support.PostgresTestDatabase;
import vn.danvan.support.TestSigningKeys;

/**
 * Outside the demo profile: no demo users, and no start without a strong administrator password or
 * without usable signing keys and trust anchors.
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

  @Test
  void refusesToStartWithoutAdministratorPassword(CapturedOutput output) {
    assertThatThrownBy(() -> production("").run()).hasRootCauseInstanceOf(InsecureAdminAccountException.class);
    assertThat(output.getOut() + output.getErr()).contains("APPLICATION FAILED TO START").contains("DANVAN_ADMIN_PASSWORD");
  }

  @Test
  void refusesToStartWithShortAdministratorPassword() {
    assertThatThrownBy(() -> production("short-pass").run())
        .hasRootCauseInstanceOf(InsecureAdminAccountException.class)
        .rootCause().hasMessageContaining("shorter than 12");
  }

  @Test
  void startsWithoutDemoUsersWhenThePasswordIsStrong() {
    context = production("a-strong-admin-password").run();
    IdentityService identity = context.getBean(IdentityService.class);
    assertThat(identity.createUserQuery().list()).extracting("id").containsExactly("admin");
    assertThat(identity.checkPassword("admin", "a-strong-admin-password")).isTrue();
    assertThat(identity.createTenantQuery().count()).isZero();
    assertThat(identity.createGroupQuery().groupId("one-stop-officer").count()).isOne();
    assertThat(context.getBean(PdfSigner.class).hasUnitKey("dongha")).isTrue();
  }

  @Test
  void refusesToStartWithoutSigningKeystores(CapturedOutput output) throws Exception {
    Path empty = Files.createTempDirectory(signing, "empty");

    assertThatThrownBy(() -> production("a-strong-admin-password").properties("DANVAN_SIGNING_KEYSTORE_DIR=" + empty).run())
        .hasRootCauseInstanceOf(SigningConfigurationException.class).rootCause().hasMessageContaining("holds no keystore");
    assertThat(output.getOut() + output.getErr()).contains("APPLICATION FAILED TO START")
        .contains("DANVAN_SIGNING_KEYSTORE_DIR").doesNotContain("\tat ");
  }

  @Test
  void refusesToStartWithoutTrustAnchors() {
    assertThatThrownBy(() -> production("a-strong-admin-password").properties("DANVAN_SIGNING_TRUST_ANCHORS=").run())
        .hasRootCauseInstanceOf(SigningConfigurationException.class).rootCause().hasMessageContaining("No trust anchors");
  }

  @Test
  void refusesToStartWithoutKeystorePassword() {
    assertThatThrownBy(() -> production("a-strong-admin-password").properties("DANVAN_SIGNING_KEYSTORE_PASSWORD=").run())
        .hasRootCauseInstanceOf(SigningConfigurationException.class).rootCause()
        .hasMessageContaining("DANVAN_SIGNING_KEYSTORE_PASSWORD");
  }

  /** The production profile with a valid throwaway signing setup; later properties override. */
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
        .profiles("postgres")
        .properties(properties.toArray(String[]::new));
  }
}
