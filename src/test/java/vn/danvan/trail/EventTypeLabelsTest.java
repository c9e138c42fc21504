package vn.danvan.trail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;
import vn.danvan.dossier.DossierEventType;

/** The labels file: every type a process records has a Vietnamese label; an unknown one never shows its code. */
class EventTypeLabelsTest {

  private final EventTypeLabels labels = new EventTypeLabels();

  @Test
  void everyDossierEventTypeHasAVietnameseLabel() {
    for (DossierEventType type : DossierEventType.values()) {
      assertThat(labels.knows(type.name())).as(type.name()).isTrue();
      assertThat(labels.label(type.name())).as(type.name()).isNotBlank().isNotEqualTo(type.name())
          .doesNotContainPattern("[A-Z]{2,}|_");
    }
    assertThat(labels.label("RECEIPT_ISSUED")).isEqualTo("Cấp giấy tiếp nhận và hẹn trả kết quả");
    assertThat(labels.label("RETURNED")).isEqualTo("Trả kết quả cho công dân");
  }

  @Test
  void everyTypeTheSharedPartsRecordHasAVietnameseLabel() throws IllegalAccessException {
    // the public String constants naming trail types in the case clock and the escalation ladder
    java.util.List<String> shared = new java.util.ArrayList<>();
    for (Class<?> owner : java.util.List.of(vn.danvan.sla.CaseClock.class, vn.danvan.escalation.EscalationLadder.class)) {
      for (java.lang.reflect.Field field : owner.getFields()) {
        boolean typeConstant = owner == vn.danvan.sla.CaseClock.class ? field.getType() == String.class
            : field.getName().startsWith("EVENT_");
        if (typeConstant && java.lang.reflect.Modifier.isStatic(field.getModifiers())) {
          shared.add((String) field.get(null));
        }
      }
    }
    assertThat(shared).contains("CLOCK_STARTED", "DEADLINE_EXTENDED", "ESCALATED", "STEP_OVERDUE");
    for (String type : shared) {
      assertThat(labels.knows(type)).as(type).isTrue();
      assertThat(labels.label(type)).as(type).doesNotContainPattern("[A-Z]{2,}|_");
    }
  }

  @Test
  void anUnknownTypeReadsAsAnOtherEventNotAsItsCode() {
    assertThat(labels.knows("PETITION_FILED")).isFalse();
    assertThat(labels.label("PETITION_FILED")).isEqualTo("Sự kiện khác");
  }

  @Test
  void aNewProcessAddsItsTypesAsData() {
    EventTypeLabels withPetitions = new EventTypeLabels(Map.of("PETITION_FILED", "Tiếp nhận đơn kiến nghị"));
    assertThat(withPetitions.label("PETITION_FILED")).isEqualTo("Tiếp nhận đơn kiến nghị");
  }

  @Test
  void aFileWithoutLabelsIsRefused() {
    assertThatThrownBy(() -> EventTypeLabels.load("trail/no-such-file.yaml")).hasMessageContaining("no-such-file");
  }
}
