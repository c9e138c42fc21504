package vn.danvan.document;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.junit.jupiter.api.Test;

class DocumentAccessTest {

  private static Authentication user(List<String> groups, List<String> tenants) {
    return new Authentication("someone", groups, tenants);
  }

  @Test
  void officialOfTheUnitMayRead() {
    assertThat(DocumentAccess.mayRead(user(List.of("one-stop-officer"), List.of("dongha")), "dongha")).isTrue();
    assertThat(DocumentAccess.mayRead(user(List.of("leader"), List.of("dongha")), "dongha")).isTrue();
  }

  @Test
  void officialOfAnotherUnitMayNot() {
    assertThat(DocumentAccess.mayRead(user(List.of("one-stop-officer"), List.of("camlo")), "dongha")).isFalse();
  }

  @Test
  void auditorMemberOfTheUnitMayRead() {
    assertThat(DocumentAccess.mayRead(user(List.of("auditor"), List.of("quangtri", "dongha", "camlo")), "dongha")).isTrue();
  }

  @Test
  void memberOfTheUnitWithoutAnOfficialRoleMayNot() {
    assertThat(DocumentAccess.mayRead(user(List.of("process-owner"), List.of("dongha")), "dongha")).isFalse();
    assertThat(DocumentAccess.mayRead(user(List.of(), List.of("dongha")), "dongha")).isFalse();
  }

  @Test
  void administratorMayReadAnyUnit() {
    assertThat(DocumentAccess.mayRead(user(List.of("camunda-admin"), List.of()), "dongha")).isTrue();
  }

  @Test
  void nobodyWithoutAuthentication() {
    assertThat(DocumentAccess.mayRead(null, "dongha")).isFalse();
  }
}
