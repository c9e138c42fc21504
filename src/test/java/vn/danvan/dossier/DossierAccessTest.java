package vn.danvan.dossier;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.junit.jupiter.api.Test;

class DossierAccessTest {

  static Authentication user(List<String> groups, List<String> tenants) {
    return new Authentication("someone", groups, tenants);
  }

  @Test
  void onlyOneStopOfficersOfTheUnitReceive() {
    assertThat(DossierAccess.isOfficerOf(user(List.of("one-stop-officer"), List.of("dongha")), "dongha")).isTrue();
    assertThat(DossierAccess.isOfficerOf(user(List.of("one-stop-officer"), List.of("camlo")), "dongha")).isFalse();
    assertThat(DossierAccess.isOfficerOf(user(List.of("specialist"), List.of("dongha")), "dongha")).isFalse();
    assertThat(DossierAccess.isOfficerOf(null, "dongha")).isFalse();
  }

  @Test
  void officialsAndAuditorsOfTheUnitRead() {
    assertThat(DossierAccess.mayRead(user(List.of("specialist"), List.of("dongha")), "dongha")).isTrue();
    assertThat(DossierAccess.mayRead(user(List.of("auditor"), List.of("quangtri", "dongha")), "dongha")).isTrue();
    assertThat(DossierAccess.mayRead(user(List.of("camunda-admin"), List.of()), "dongha")).isTrue();
    assertThat(DossierAccess.mayRead(user(List.of("leader"), List.of("camlo")), "dongha")).isFalse();
    assertThat(DossierAccess.mayRead(user(List.of("process-owner"), List.of("dongha")), "dongha")).isFalse();
    assertThat(DossierAccess.mayRead(null, "dongha")).isFalse();
  }
}
