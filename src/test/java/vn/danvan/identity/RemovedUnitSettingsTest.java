package vn.danvan.identity;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

/** The YAML settings that named chairmen and parent units are refused, not silently ignored. */
class RemovedUnitSettingsTest {

  @Test
  void theOldChairmenAndParentUnitsSettingsStopTheStartup() {
    assertThatThrownBy(() -> RemovedUnitSettings.check(new MockEnvironment()
        .withProperty("danvan.dossier.chairmen.dongha", "dongha.chairman")))
        .hasMessageContaining("danvan.dossier.chairmen.dongha").hasMessageContaining("/api/units");
    assertThatThrownBy(() -> RemovedUnitSettings.check(new MockEnvironment()
        .withProperty("danvan.documents.parent-units.dongha", "quangtri")))
        .hasMessageContaining("parent-units");
    // as an environment variable
    assertThatThrownBy(() -> RemovedUnitSettings.check(new MockEnvironment()
        .withProperty("DANVAN_DOSSIER_CHAIRMEN_DONGHA", "dongha.chairman")))
        .hasMessageContaining("DANVAN_DOSSIER_CHAIRMEN_DONGHA");
  }

  @Test
  void theRemainingSettingsAreFine() {
    assertThatCode(() -> RemovedUnitSettings.check(new MockEnvironment()
        .withProperty("danvan.dossier.supplement-working-days", "15")
        .withProperty("danvan.documents.other", "x"))).doesNotThrowAnyException();
  }
}
