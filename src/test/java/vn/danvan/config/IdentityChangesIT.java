package vn.danvan.config;

import static org.assertj.core.api.Assertions.assertThat;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Tenant;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import vn.danvan.identity.UnitNames;
import vn.danvan.identity.UnitOfficials;
import vn.danvan.identity.Roles;
import vn.danvan.support.Http;
import vn.danvan.support.RunningApplicationTest;

/**
 * What a node keeps of someone's identity does not outlive a change made through its engine. A
 * remembered Basic login ({@code danvan.performance.identity-cache}, 30 s): a removed unit or group
 * membership, a new password and a deleted user count on the very next request. The names documents
 * show ({@code unit-cache}, 30 s): an official or a unit renamed counts on the next document. {@code GET /api/units/dongha} answers
 * from the login's own groups and units (200 for an official of Đông Hà, else 404), so it shows which
 * identity the request ran as.
 */
class IdentityChangesIT extends RunningApplicationTest {

  @Autowired private UnitOfficials officials;
  @Autowired private UnitNames unitNames;

  private static final String USER = "recent.login.specialist";
  private static final String PASSWORD = "Chuyen-Vien-2026!x";
  private static final String NEW_PASSWORD = "Mat-Khau-Moi-2026!y";

  private IdentityService identity() {
    return engine.getIdentityService();
  }

  private void createOfficialOfDongHa() {
    User user = identity().newUser(USER);
    user.setFirstName("Chuyên viên");
    user.setLastName("Thử nghiệm");
    user.setPassword(PASSWORD);
    identity().saveUser(user);
    identity().createMembership(USER, Roles.SPECIALIST);
    identity().createTenantUserMembership("dongha", USER);
  }

  @AfterEach
  void removeUser() {
    if (identity().createUserQuery().userId(USER).count() > 0) {
      identity().deleteUser(USER);
    }
  }

  private int unitAs(String password) {
    return http.send(http.request("/api/units/dongha", null).header("Authorization", Http.basic(USER, password))
        .GET().build()).status();
  }

  @Test
  void aRemovedUnitOrGroupMembershipCountsOnTheNextRequest() {
    createOfficialOfDongHa();
    assertThat(unitAs(PASSWORD)).isEqualTo(200);
    assertThat(unitAs(PASSWORD)).as("remembered, still the same identity").isEqualTo(200);

    identity().deleteTenantUserMembership("dongha", USER);
    assertThat(unitAs(PASSWORD)).as("no longer of Đông Hà").isEqualTo(404);

    identity().createTenantUserMembership("dongha", USER);
    assertThat(unitAs(PASSWORD)).as("of Đông Hà again").isEqualTo(200);

    identity().deleteMembership(USER, Roles.SPECIALIST);
    assertThat(unitAs(PASSWORD)).as("no longer an official").isEqualTo(404);
  }

  @Test
  void aNewPasswordAndADeletedUserCountOnTheNextRequest() {
    createOfficialOfDongHa();
    assertThat(unitAs(PASSWORD)).isEqualTo(200);

    User user = identity().createUserQuery().userId(USER).singleResult();
    user.setPassword(NEW_PASSWORD);
    identity().saveUser(user);
    assertThat(unitAs(NEW_PASSWORD)).isEqualTo(200);
    assertThat(unitAs(PASSWORD)).as("the old password, remembered a moment ago").isEqualTo(401);

    identity().deleteUser(USER);
    assertThat(unitAs(NEW_PASSWORD)).as("the user is gone").isEqualTo(401);
  }

  @Test
  void anOfficialOrAUnitRenamedInCamundaAdminIsNamedSoOnTheNextDocument() {
    createOfficialOfDongHa();
    assertThat(officials.fullName(USER)).contains("Chuyên viên Thử nghiệm");
    assertThat(officials.fullName(USER)).as("kept").contains("Chuyên viên Thử nghiệm");
    User user = identity().createUserQuery().userId(USER).singleResult();
    user.setLastName("Đã đổi tên");
    identity().saveUser(user);
    assertThat(officials.fullName(USER)).contains("Chuyên viên Đã đổi tên");

    Tenant dongha = identity().createTenantQuery().tenantId("dongha").singleResult();
    String name = dongha.getName();
    assertThat(unitNames.nameOrId("dongha")).isEqualTo(name);
    try {
      dongha.setName(name + " (thử)");
      identity().saveTenant(dongha);
      assertThat(unitNames.nameOrId("dongha")).isEqualTo(name + " (thử)");
    } finally {
      dongha.setName(name);
      identity().saveTenant(dongha);
    }
    assertThat(unitNames.nameOrId("dongha")).isEqualTo(name);
  }
}
