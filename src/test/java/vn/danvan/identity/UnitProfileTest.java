package vn.danvan.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** A unit's description turned back into a change keeps every part, so changing one clears nothing else. */
class UnitProfileTest {

  private final UnitProfile dongha = new UnitProfile("dongha", "quangtri", List.of(
      new UnitOfficial("dongha.chairman", OfficialPosition.CHAIRMAN, "Chủ tịch UBND phường"),
      new UnitOfficial("dongha.vicechair", OfficialPosition.VICE_CHAIRMAN, "Phó Chủ tịch UBND phường"),
      new UnitOfficial("dongha.acting", OfficialPosition.ACTING_CHAIRMAN, "Quyền Chủ tịch")),
      "0233 3852 123", "000.00.31.H48");

  @Test
  void asChangeKeepsParentOfficialsPhoneAndAgencyCode() {
    assertThat(dongha.asChange()).isEqualTo(new UnitChange("quangtri",
        new UnitChange.Appointment("dongha.chairman", "Chủ tịch UBND phường"),
        List.of(new UnitChange.Appointment("dongha.vicechair", "Phó Chủ tịch UBND phường")),
        new UnitChange.Appointment("dongha.acting", "Quyền Chủ tịch"), "0233 3852 123", "000.00.31.H48"));
  }

  @Test
  void changingThePhoneOrTheViceChairmenKeepsTheRest() {
    UnitChange noPhone = dongha.asChange().withContactPhone(null);
    assertThat(noPhone.contactPhone()).isNull();
    assertThat(noPhone.agencyCode()).isEqualTo("000.00.31.H48");
    assertThat(noPhone.viceChairmen()).hasSize(1);
    UnitChange noVices = dongha.asChange().withViceChairmen(List.of());
    assertThat(noVices.viceChairmen()).isEmpty();
    assertThat(noVices.chairman().userId()).isEqualTo("dongha.chairman");
    assertThat(noVices.contactPhone()).isEqualTo("0233 3852 123");
  }
}
