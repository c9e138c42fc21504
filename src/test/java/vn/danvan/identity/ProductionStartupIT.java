package vn.danvan.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngines;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.junit.jupiter.api.extension.ExtendWith;
import vn.danvan.DanvanApplication;
import vn.danvan.support.PostgresTestDatabase;

/** Outside the demo profile: no demo users, and no start without a strong administrator password. */
@ExtendWith(OutputCaptureExtension.class)
class ProductionStartupIT {

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
  }

  private static SpringApplicationBuilder production(String adminPassword) {
    PostgresTestDatabase.Database database = PostgresTestDatabase.newDatabase();
    return new SpringApplicationBuilder(DanvanApplication.class)
        .profiles("postgres")
        .properties(
            "server.port=0",
            "camunda.bpm.job-execution.enabled=false",
            "DANVAN_DB_URL=" + database.url(),
            "DANVAN_DB_USER=" + database.user(),
            "DANVAN_DB_PASSWORD=" + database.password(),
            "DANVAN_ADMIN_PASSWORD=" + adminPassword);
  }
}
