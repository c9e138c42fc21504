package vn.danvan.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Tenant;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import vn.danvan.config.BadRequestException;
import vn.danvan.identity.UnitChange.Appointment;

/**
 * {@link UnitOfficials} on the real engine's identity store and the app table (H2, same context as
 * the process tests): the demo seed, every position, and each refusal naming its field with
 * nothing written. A unit of its own ({@code thuongxa}) keeps the demo units as they are.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.MOCK, properties = {
    "spring.datasource.url=jdbc:h2:mem:dossier-process;DB_CLOSE_ON_EXIT=FALSE",
    "camunda.bpm.job-execution.enabled=false",
    "danvan.signing.keystore-dir=target/demo-signing"})
@ActiveProfiles("demo")
class UnitOfficialsTest {

  static final String UNIT = "thuongxa";

  @Autowired UnitOfficials officials;
  @Autowired IdentityService identity;

  @BeforeEach
  void aUnitOfItsOwn() {
    if (identity.createTenantQuery().tenantId(UNIT).count() == 0) {
      Tenant tenant = identity.newTenant(UNIT);
      tenant.setName("Xã Thượng Xá");
      identity.saveTenant(tenant);
      user("thuongxa.chairman", Roles.LEADER);
      user("thuongxa.vice1", Roles.LEADER);
      user("thuongxa.vice2", Roles.LEADER);
      user("thuongxa.acting", Roles.LEADER);
      user("thuongxa.officer", Roles.ONE_STOP_OFFICER);
    }
    officials.replace(UNIT, new UnitChange("quangtri", new Appointment("thuongxa.chairman", "Chủ tịch UBND xã"),
        List.of(new Appointment("thuongxa.vice1", "Phó Chủ tịch UBND xã"), new Appointment("thuongxa.vice2", null)),
        null), "test");
  }

  @Test
  void theDemoUnitsAreSeededFromTheDemoIdentity() {
    assertThat(officials.parent("dongha")).contains("quangtri");
    assertThat(officials.parent("camlo")).contains("quangtri");
    assertThat(officials.parent("quangtri")).isEmpty();
    assertThat(officials.chairman("dongha")).contains("dongha.chairman");
    assertThat(officials.chairman("camlo")).contains("camlo.chairman");
    assertThat(officials.chairman("quangtri")).contains("quangtri.chairman");
    assertThat(officials.head("dongha")).contains("dongha.chairman");
    assertThat(officials.position("dongha", "dongha.chairman")).contains(OfficialPosition.CHAIRMAN);
    assertThat(officials.position("dongha", "dongha.vicechair")).contains(OfficialPosition.VICE_CHAIRMAN);
    assertThat(officials.official("camlo", "camlo.vicechair").orElseThrow().title()).isEqualTo("Phó Chủ tịch UBND xã");
    // an official without a post, a leader of another unit, nobody
    assertThat(officials.position("dongha", "dongha.officer")).isEmpty();
    assertThat(officials.position("dongha", "camlo.chairman")).isEmpty();
    assertThat(officials.position("dongha", null)).isEmpty();
  }

  @Test
  void eachOfficialHoldsTheirPositionWithTheirTitle() {
    assertThat(officials.position(UNIT, "thuongxa.chairman")).contains(OfficialPosition.CHAIRMAN);
    assertThat(officials.position(UNIT, "thuongxa.vice1")).contains(OfficialPosition.VICE_CHAIRMAN);
    assertThat(officials.official(UNIT, "thuongxa.vice2").orElseThrow().title()).isEqualTo("Phó Chủ tịch");
    assertThat(officials.position(UNIT, "thuongxa.acting")).isEmpty();
    assertThat(officials.head(UNIT)).contains("thuongxa.chairman");
  }

  @Test
  void anActingChairmanHeadsTheUnitWhileThereIsOne() {
    officials.replace(UNIT, new UnitChange("quangtri", null, List.of(),
        new Appointment("thuongxa.acting", "Quyền Chủ tịch UBND xã")), "test");
    assertThat(officials.position(UNIT, "thuongxa.acting")).contains(OfficialPosition.ACTING_CHAIRMAN);
    assertThat(officials.chairman(UNIT)).isEmpty();
    assertThat(officials.head(UNIT)).contains("thuongxa.acting");
    // replacing is the whole description: the vice-chairmen are gone
    assertThat(officials.position(UNIT, "thuongxa.vice1")).isEmpty();
  }

  @Test
  void refusalsNameTheFieldAndWriteNothing() {
    UnitProfile before = officials.profile(UNIT).orElseThrow();
    refused(new UnitChange("quangtri", new Appointment("nobody", null), List.of(), null), "chairman.userId");
    refused(new UnitChange("quangtri", null, List.of(new Appointment("thuongxa.vice1", null),
        new Appointment("camlo.vicechair", null)), null), "viceChairmen[1].userId");
    refused(new UnitChange("quangtri", null, List.of(), new Appointment("thuongxa.officer", null)), "actingChairman.userId");
    refused(new UnitChange("quangtri", new Appointment("thuongxa.vice1", null), List.of(new Appointment("thuongxa.vice1", null)),
        null), "viceChairmen[0].userId");
    refused(new UnitChange("quangtri", new Appointment(" ", null), List.of(), null), "chairman.userId");
    refused(new UnitChange("quangtri", new Appointment("thuongxa.chairman", "x".repeat(201)), List.of(), null), "chairman.title");
    refused(new UnitChange("nowhere", null, List.of(), null), "parent");
    refused(new UnitChange(UNIT, null, List.of(), null), "parent");
    assertThat(officials.profile(UNIT)).contains(before);
  }

  @Test
  void aParentBelowTheUnitWouldMakeACycle() {
    UnitProfile province = officials.profile("quangtri").orElseThrow();
    assertThatThrownBy(() -> officials.replace("quangtri", new UnitChange(UNIT, null, List.of(), null), "test"))
        .isInstanceOfSatisfying(BadRequestException.class, e -> assertThat(e.field()).isEqualTo("parent"));
    assertThat(officials.profile("quangtri")).contains(province);
  }

  @Test
  void anOfficialRemovedFromTheUnitInAdminNoLongerSigns() {
    identity.deleteTenantUserMembership(UNIT, "thuongxa.vice2");
    try {
      assertThat(officials.position(UNIT, "thuongxa.vice2")).isEmpty();
    } finally {
      identity.createTenantUserMembership(UNIT, "thuongxa.vice2");
    }
    identity.deleteMembership("thuongxa.chairman", Roles.LEADER);
    try {
      assertThat(officials.chairman(UNIT)).isEmpty();
    } finally {
      identity.createMembership("thuongxa.chairman", Roles.LEADER);
    }
    assertThat(officials.chairman(UNIT)).contains("thuongxa.chairman");
  }

  @Test
  void theUnitsContactPhoneIsRecordedAndAPhoneThatIsNotOneIsRefusedNamingTheField() {
    officials.replace(UNIT, new UnitChange("quangtri", null, List.of(), null, " 0233 3852 123 "), "test");
    assertThat(officials.contactPhone(UNIT)).contains("0233 3852 123");
    UnitProfile before = officials.profile(UNIT).orElseThrow();

    refused(new UnitChange("quangtri", null, List.of(), null, "gọi bà Lan"), "contactPhone");
    refused(new UnitChange("quangtri", null, List.of(), null, "0".repeat(40)), "contactPhone");
    assertThat(officials.profile(UNIT)).contains(before);

    // the whole description at once: a description without a phone clears it
    officials.replace(UNIT, new UnitChange("quangtri", null, List.of(), null), "test");
    assertThat(officials.contactPhone(UNIT)).isEmpty();
  }

  private void refused(UnitChange change, String field) {
    assertThatThrownBy(() -> officials.replace(UNIT, change, "test"))
        .isInstanceOfSatisfying(BadRequestException.class, e -> assertThat(e.field()).isEqualTo(field));
  }

  private void user(String id, String group) {
    User user = identity.newUser(id);
    user.setFirstName("Thử");
    user.setLastName(id);
    user.setPassword("demo");
    identity.saveUser(user);
    identity.createMembership(id, group);
    identity.createTenantUserMembership(UNIT, id);
  }
}
