package vn.danvan.procedure;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.time.Duration;
import java.time.LocalDate;
import java.util.concurrent.atomic.AtomicLong;
import java.util.List;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.Deployment;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/**
 * The deployed {@code procedureCatalogue} table in a real process engine: every procedure of
 * docs/legal-rules.md §2, and a newer table version deployed from Modeler with a rule that changes on a
 * later date. Same configuration as the dossier process test, so both share one Spring context.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.MOCK, properties = {
    "spring.datasource.url=jdbc:h2:mem:dossier-process;DB_CLOSE_ON_EXIT=FALSE",
    "camunda.bpm.job-execution.enabled=false"})
@ActiveProfiles("demo")
class ProcedureCatalogueTest {

  static final LocalDate APRIL_2026 = LocalDate.parse("2026-04-23");

  @Autowired ProcedureCatalogue catalogue;
  @Autowired org.camunda.bpm.engine.ProcessEngine processEngine;
  @Autowired RepositoryService repositoryService;
  @Autowired HistoryService historyService;
  @Autowired IdentityService identityService;

  Procedure find(String code, boolean verificationNeeded) {
    return catalogue.find(code, APRIL_2026, verificationNeeded).orElseThrow(() -> new AssertionError("no row for " + code));
  }

  @Test
  void listsTheProceduresOfTheRulebook() {
    assertThat(catalogue.all(APRIL_2026)).extracting(Procedure::code).containsExactly("BIRTH_REGISTRATION",
        "DEATH_REGISTRATION", "MARRIAGE_REGISTRATION", "CERTIFIED_COPY", "RESIDENCE_CONFIRMATION",
        "LAND_TRANSFER_REGISTRATION", "LAND_FIRST_REGISTRATION");
  }

  @Test
  void separationOfDutiesIsOnUnlessTheRowSwitchesItOff() {
    assertThat(catalogue.all(APRIL_2026)).filteredOn(p -> !p.code().equals("CERTIFIED_COPY"))
        .allSatisfy(p -> assertThat(p.separateDuties()).as(p.code()).isTrue());
    assertThat(find("CERTIFIED_COPY", false).separateDuties()).isFalse();
  }

  @Test
  void civilStatusProceduresAreSameDayAtTheCommuneWithCourtesyLetters() {
    Procedure birth = find("BIRTH_REGISTRATION", false);
    assertThat(birth.name()).isEqualTo("Đăng ký khai sinh");
    assertThat(birth.competentLevel()).isEqualTo(CompetentLevel.COMMUNE);
    assertThat(birth.deadline()).isEqualTo(new Deadline(DeadlineType.SAME_DAY, 0));
    assertThat(birth.resultDocumentKind()).isEqualTo("BIRTH_CERTIFICATE");
    assertThat(birth.courtesyLetterKind()).isEqualTo("CONGRATULATION");
    assertThat(birth.legalBasis()).isEqualTo("Luật Hộ tịch 2014, Điều 16");
    assertThat(birth.sourceTag()).isEqualTo("V");
    assertThat(birth.effectiveFrom()).isEqualTo(LocalDate.parse("2025-07-01"));
    assertThat(find("DEATH_REGISTRATION", false).courtesyLetterKind()).isEqualTo("CONDOLENCE");
    assertThat(find("MARRIAGE_REGISTRATION", false).courtesyLetterKind()).isEqualTo("CONGRATULATION");
    assertThat(find("CERTIFIED_COPY", false).courtesyLetter()).isEmpty();
    // Verification does not change a birth registration.
    assertThat(find("BIRTH_REGISTRATION", true).deadline()).isEqualTo(birth.deadline());
  }

  @Test
  void verificationLengthensMarriageAndResidenceConfirmation() {
    assertThat(find("MARRIAGE_REGISTRATION", false).deadline()).isEqualTo(new Deadline(DeadlineType.SAME_DAY, 0));
    assertThat(find("MARRIAGE_REGISTRATION", true).deadline()).isEqualTo(new Deadline(DeadlineType.WORKING_DAYS, 5));
    assertThat(find("RESIDENCE_CONFIRMATION", false).deadline()).isEqualTo(new Deadline(DeadlineType.HALF_DAY, 1));
    assertThat(find("RESIDENCE_CONFIRMATION", true).deadline()).isEqualTo(new Deadline(DeadlineType.WORKING_DAYS, 3));
  }

  @Test
  void landProcedures() {
    Procedure transfer = find("LAND_TRANSFER_REGISTRATION", false);
    assertThat(transfer.deadline()).isEqualTo(new Deadline(DeadlineType.WORKING_DAYS, 8));
    assertThat(transfer.competentLevel()).isEqualTo(CompetentLevel.PROVINCE);
    assertThat(transfer.sourceTag()).isEqualTo("S");
    Procedure first = find("LAND_FIRST_REGISTRATION", false);
    assertThat(first.deadline()).isEqualTo(new Deadline(DeadlineType.WORKING_DAYS, 20));
    assertThat(first.competentLevel()).isEqualTo(CompetentLevel.COMMUNE);
    assertThat(first.appraiseBudget()).isEqualTo(new WorkingTime(17, WorkingTime.Unit.WORKING_DAYS));
  }

  @Test
  void everyRowHasVietnameseTextAndStepBudgetsInsideItsDeadline() {
    for (boolean verification : new boolean[] {false, true}) {
      for (String code : List.of("BIRTH_REGISTRATION", "DEATH_REGISTRATION", "MARRIAGE_REGISTRATION", "CERTIFIED_COPY",
          "RESIDENCE_CONFIRMATION", "LAND_TRANSFER_REGISTRATION", "LAND_FIRST_REGISTRATION")) {
        Procedure p = find(code, verification);
        assertThat(p.stepBudgetHours(8)).as(code).isPositive().isLessThanOrEqualTo(p.deadline().workingHours(8));
        assertThat(p.name()).as(code).matches(".*[àáảãạăắằẳẵặâấầẩẫậđèéẻẽẹêếềểễệìíỉĩịòóỏõọôốồổỗộơớờởỡợùúủũụưứừửữựỳýỷỹỵ].*");
        assertThat(p.legalBasis()).as(code).isNotBlank();
      }
    }
  }

  @Test
  void noRuleForDossiersAcceptedBeforeTheTwoLevelAdministration() {
    assertThat(catalogue.find("BIRTH_REGISTRATION", LocalDate.parse("2025-06-30"), false)).isEmpty();
  }

  @Test
  void aNewerTableVersionAppliesItsDatedRowsAndTheOldVersionReturnsWhenItIsDeleted() throws Exception {
    Deployment deployment;
    try (InputStream in = getClass().getResourceAsStream("/procedure/datedProcedureCatalogue.dmn")) {
      deployment = repositoryService.createDeployment().name("dated-catalogue-test")
          .addInputStream("procedure/datedProcedureCatalogue.dmn", in).deploy();
    }
    try {
      assertThat(catalogue.find("BIRTH_REGISTRATION", LocalDate.parse("2026-06-30"), false)).get()
          .extracting(Procedure::deadline).isEqualTo(new Deadline(DeadlineType.SAME_DAY, 0));
      assertThat(catalogue.find("BIRTH_REGISTRATION", LocalDate.parse("2026-07-01"), false)).get()
          .extracting(Procedure::deadline).isEqualTo(new Deadline(DeadlineType.WORKING_DAYS, 2));
      assertThat(catalogue.knows("CERTIFIED_COPY")).isFalse();
    } finally {
      repositoryService.deleteDeployment(deployment.getId(), true);
    }
    assertThat(catalogue.find("BIRTH_REGISTRATION", LocalDate.parse("2026-07-01"), false)).get()
        .extracting(Procedure::deadline).isEqualTo(new Deadline(DeadlineType.SAME_DAY, 0));
    assertThat(catalogue.knows("CERTIFIED_COPY")).isTrue();
  }

  @Test
  void readableByAUserWithoutAnyPermissionAndWritesNoDecisionHistory() {
    long decisionsBefore = historyService.createHistoricDecisionInstanceQuery().count();
    identityService.setAuthentication("citizen-without-grants", List.of());
    try {
      assertThat(catalogue.all(APRIL_2026)).hasSize(7);
    } finally {
      identityService.clearAuthentication();
    }
    assertThat(historyService.createHistoricDecisionInstanceQuery().count()).isEqualTo(decisionsBefore);
  }

  @Test
  void rowsAreEvaluatedOncePerVersionUnlessCachingIsOff() {
    LocalDate day = LocalDate.parse("2026-07-01");
    Procedure first = catalogue.find("BIRTH_REGISTRATION", day, false).orElseThrow();
    assertThat(catalogue.find("BIRTH_REGISTRATION", day, false)).get().isSameAs(first);
    ProcedureCatalogue stock = new ProcedureCatalogue(processEngine, Duration.ZERO, System::nanoTime);
    Procedure evaluated = stock.find("BIRTH_REGISTRATION", day, false).orElseThrow();
    assertThat(stock.find("BIRTH_REGISTRATION", day, false)).get().isNotSameAs(evaluated).isEqualTo(evaluated);
  }

  @Test
  void aVersionDeployedElsewhereCountsOnceTheTrustedTimeHasPassed() throws Exception {
    // a second catalogue, as on another node of a cluster: it does not hear of this node's deployments
    AtomicLong now = new AtomicLong(1_000);
    ProcedureCatalogue otherNode = new ProcedureCatalogue(processEngine, Duration.ofSeconds(10), now::get);
    LocalDate july = LocalDate.parse("2026-07-01");
    assertThat(otherNode.find("BIRTH_REGISTRATION", july, false)).get()
        .extracting(Procedure::deadline).isEqualTo(new Deadline(DeadlineType.SAME_DAY, 0));
    Deployment deployment;
    try (InputStream in = getClass().getResourceAsStream("/procedure/datedProcedureCatalogue.dmn")) {
      deployment = repositoryService.createDeployment().name("dated-catalogue-elsewhere")
          .addInputStream("procedure/datedProcedureCatalogue.dmn", in).deploy();
    }
    try {
      now.addAndGet(Duration.ofSeconds(9).toNanos());
      assertThat(otherNode.find("BIRTH_REGISTRATION", july, false)).get()
          .extracting(Procedure::deadline).isEqualTo(new Deadline(DeadlineType.SAME_DAY, 0));
      now.addAndGet(Duration.ofSeconds(2).toNanos());
      assertThat(otherNode.find("BIRTH_REGISTRATION", july, false)).get()
          .extracting(Procedure::deadline).isEqualTo(new Deadline(DeadlineType.WORKING_DAYS, 2));
      // this node's own catalogue heard of the deployment at once
      assertThat(catalogue.find("BIRTH_REGISTRATION", july, false)).get()
          .extracting(Procedure::deadline).isEqualTo(new Deadline(DeadlineType.WORKING_DAYS, 2));
    } finally {
      repositoryService.deleteDeployment(deployment.getId(), true);
    }
  }
}
