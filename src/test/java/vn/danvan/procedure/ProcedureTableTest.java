package vn.danvan.procedure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Date;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.danvan.calendar.VietnamTime;

/**
 * The decision table logic without a process engine: the test-only table with a rule that changes
 * on 01/7/2026, overlapping and broken rows, and the input types a business rule task may pass.
 */
class ProcedureTableTest {

  static DmnEngine dmnEngine;
  static ProcedureTable dated;

  @BeforeAll
  static void parse() throws IOException {
    dmnEngine = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();
    try (InputStream in = ProcedureTableTest.class.getResourceAsStream("/procedure/datedProcedureCatalogue.dmn")) {
      dated = new ProcedureTable(dmnEngine, Dmn.readModelFromStream(in));
    }
  }

  static LocalDate day(String date) {
    return LocalDate.parse(date);
  }

  @Test
  void dossierAcceptedBeforeTheChangeKeepsTheOldRule() {
    Procedure old = dated.find("BIRTH_REGISTRATION", day("2026-06-30"), false).orElseThrow();
    assertThat(old.deadline()).isEqualTo(new Deadline(DeadlineType.SAME_DAY, 0));
    assertThat(old.effectiveFrom()).isEqualTo(day("2025-07-01"));
  }

  @Test
  void dossierAcceptedFromTheEffectiveDateGetsTheNewRule() {
    Procedure current = dated.find("BIRTH_REGISTRATION", day("2026-07-01"), false).orElseThrow();
    assertThat(current.deadline()).isEqualTo(new Deadline(DeadlineType.WORKING_DAYS, 2));
    assertThat(current.effectiveFrom()).isEqualTo(day("2026-07-01"));
    assertThat(current.sourceTag()).isEqualTo("?");
  }

  @Test
  void aTableWithoutTheSeparateDutiesColumnSeparatesDuties() {
    assertThat(dated.find("BIRTH_REGISTRATION", day("2026-07-01"), false).orElseThrow().separateDuties()).isTrue();
  }

  @Test
  void noRuleBeforeTheFirstEffectiveDate() {
    assertThat(dated.find("BIRTH_REGISTRATION", day("2025-06-30"), false)).isEmpty();
  }

  @Test
  void unknownCodeFindsNothing() {
    assertThat(dated.find("PASSPORT", day("2026-04-23"), false)).isEmpty();
  }

  @Test
  void listsTheCodesOfItsRowsOnceEach() {
    assertThat(dated.codes()).containsExactly("BIRTH_REGISTRATION", "OVERLAPPING", "DISTRICT_LEVEL", "OVER_BUDGET");
  }

  @Test
  void overlappingRowsAreAnErrorNotASilentChoice() {
    assertThat(dated.find("OVERLAPPING", day("2025-12-31"), false)).isPresent();
    assertThatThrownBy(() -> dated.find("OVERLAPPING", day("2026-01-01"), false))
        .isInstanceOf(InvalidCatalogueException.class).hasMessageContaining("OVERLAPPING");
  }

  @Test
  void unknownLevelIsRefusedNamingRowAndOutput() {
    assertThatThrownBy(() -> dated.find("DISTRICT_LEVEL", day("2026-04-23"), false))
        .isInstanceOf(InvalidCatalogueException.class)
        .hasMessageContaining("DISTRICT_LEVEL").hasMessageContaining("competentLevel").hasMessageContaining("DISTRICT");
  }

  @Test
  void stepBudgetsLongerThanTheDeadlineAreRefused() {
    assertThatThrownBy(() -> dated.find("OVER_BUDGET", day("2026-04-23"), false))
        .isInstanceOf(InvalidCatalogueException.class).hasMessageContaining("OVER_BUDGET").hasMessageContaining("24 working hours");
  }

  @Test
  void listingSkipsNothingSilently() {
    // The broken rows of the test table make listing fail loudly rather than drop them.
    assertThatThrownBy(() -> dated.all(day("2026-04-23"))).isInstanceOf(InvalidCatalogueException.class);
  }

  /** A business rule task passes the acceptance date as a process variable: Date, ISO string or LocalDate. */
  @Test
  void acceptsTheDateTypesAProcessVariableCanHave() throws IOException {
    DmnDecision decision;
    try (InputStream in = Files.newInputStream(Path.of("bpmn/procedureCatalogue.dmn"))) {
      decision = dmnEngine.parseDecision(ProcedureDecision.KEY, in);
    }
    Date morning = Date.from(LocalDateTime.parse("2026-04-23T09:00").atZone(VietnamTime.ZONE).toInstant());
    for (Object acceptedOn : new Object[] {morning, "2026-04-23", day("2026-04-23")}) {
      var result = dmnEngine.evaluateDecisionTable(decision, Variables.createVariables()
          .putValue(ProcedureDecision.IN_PROCEDURE_CODE, "CERTIFIED_COPY")
          .putValue(ProcedureDecision.IN_ACCEPTED_ON, acceptedOn)
          .putValue(ProcedureDecision.IN_VERIFICATION_NEEDED, false));
      assertThat(result.getSingleResult()).as(acceptedOn.getClass().getSimpleName()).isNotNull();
      assertThat((String) result.getSingleResult().getEntry(ProcedureDecision.OUT_DEADLINE_TYPE)).isEqualTo("SAME_DAY");
    }
  }
}
