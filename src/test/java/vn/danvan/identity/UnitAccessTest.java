package vn.danvan.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.junit.jupiter.api.Test;

class UnitAccessTest {

  private static Authentication user(List<String> groups, List<String> tenants) {
    return new Authentication("someone", groups, tenants);
  }

  @Test
  void officialOfTheUnitMayRead() {
    assertThat(UnitAccess.mayRead(user(List.of("one-stop-officer"), List.of("dongha")), "dongha")).isTrue();
    assertThat(UnitAccess.mayRead(user(List.of("leader"), List.of("dongha")), "dongha")).isTrue();
    assertThat(UnitAccess.mayRead(user(List.of("specialist"), List.of("dongha")), "dongha")).isTrue();
  }

  @Test
  void officialOfAnotherUnitMayNot() {
    assertThat(UnitAccess.mayRead(user(List.of("one-stop-officer"), List.of("camlo")), "dongha")).isFalse();
    assertThat(UnitAccess.mayRead(user(List.of("leader"), List.of("camlo")), "dongha")).isFalse();
  }

  @Test
  void auditorMemberOfTheUnitMayRead() {
    assertThat(UnitAccess.mayRead(user(List.of("auditor"), List.of("quangtri", "dongha", "camlo")), "dongha")).isTrue();
    assertThat(UnitAccess.mayRead(user(List.of("auditor"), List.of("quangtri", "dongha")), "dongha")).isTrue();
  }

  @Test
  void memberOfTheUnitWithoutAnOfficialRoleMayNot() {
    assertThat(UnitAccess.mayRead(user(List.of("process-owner"), List.of("dongha")), "dongha")).isFalse();
    assertThat(UnitAccess.mayRead(user(List.of(), List.of("dongha")), "dongha")).isFalse();
  }

  @Test
  void administratorMayReadAnyUnit() {
    assertThat(UnitAccess.mayRead(user(List.of("camunda-admin"), List.of()), "dongha")).isTrue();
  }

  @Test
  void nobodyWithoutAuthentication() {
    assertThat(UnitAccess.mayRead(null, "dongha")).isFalse();
    assertThat(UnitAccess.isOneStopOfficerOf(null, "dongha")).isFalse();
  }

  @Test
  void onlyOneStopOfficersOfTheUnitActAtTheCounter() {
    assertThat(UnitAccess.isOneStopOfficerOf(user(List.of("one-stop-officer"), List.of("dongha")), "dongha")).isTrue();
    assertThat(UnitAccess.isOneStopOfficerOf(user(List.of("one-stop-officer"), List.of("camlo")), "dongha")).isFalse();
    assertThat(UnitAccess.isOneStopOfficerOf(user(List.of("specialist"), List.of("dongha")), "dongha")).isFalse();
  }
}
