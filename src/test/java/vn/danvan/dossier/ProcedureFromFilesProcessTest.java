package vn.danvan.dossier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;
import static vn.danvan.dossier.DossierProcess.*;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import vn.danvan.document.DocumentKind;
import vn.danvan.document.DocumentService;
import vn.danvan.document.DocumentState;
import vn.danvan.document.StoredDocument;
import vn.danvan.identity.Roles;
import vn.danvan.support.Poppler;

/**
 * A procedure added from files only: the test resource set {@code procedure-from-files/} holds a
 * catalogue with the row "Cấp Giấy xác nhận tình trạng hôn nhân" and a start form with its section;
 * {@code documents/templates/marital-status-confirmation.yaml} (test resources) is its result. No
 * Java names the procedure. The files pass the same consistency check as the shipped ones
 * ({@link ProcedureFiles}); deployed, a dossier of it is received by the one-stop officer (the start
 * form's contract applies the section's rules), appraised, approved, its result laid out by its own
 * template, signed, and the PDF's text shows the procedure's own fields. Same context as
 * {@link DossierApprovalProcessTest}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.MOCK, properties = {
    "spring.datasource.url=jdbc:h2:mem:dossier-process;DB_CLOSE_ON_EXIT=FALSE",
    "camunda.bpm.job-execution.enabled=false",
    "danvan.signing.keystore-dir=target/demo-signing"})
@ActiveProfiles("demo")
class ProcedureFromFilesProcessTest {

  static final Path FILES = Path.of("src/test/resources/procedure-from-files");
  static final String PROCEDURE = "MARITAL_STATUS_CONFIRMATION";

  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired ManagementService management;
  @Autowired RepositoryService repository;
  @Autowired HistoryService history;
  @Autowired IdentityService identity;
  @Autowired DocumentService documents;

  @TempDir Path dir;

  DossierProcessDriver driver;
  Deployment added;

  @BeforeEach
  void deployTheProcedureFiles() throws Exception {
    driver = new DossierProcessDriver(runtime, management, history);
    try (InputStream catalogue = Files.newInputStream(FILES.resolve("procedureCatalogue.dmn"));
        InputStream form = Files.newInputStream(FILES.resolve("receive-dossier.form"))) {
      added = repository.createDeployment().name("procedure-from-files")
          .addInputStream("procedure-from-files/procedureCatalogue.dmn", catalogue)
          .addInputStream("procedure-from-files/receive-dossier.form", form).deploy();
    }
    // Wed 25/11/2026 09:00 Vietnam time, a working day
    ClockUtil.setCurrentTime(Date.from(OffsetDateTime.parse("2026-11-25T09:00+07:00").toInstant()));
  }

  @AfterEach
  void removeThem() {
    identity.clearAuthentication();
    ClockUtil.reset();
    repository.deleteDeployment(added.getId(), true);
  }

  @Test
  void theTestFilesAreInStepAsTheShippedOnesMustBe() {
    ProcedureFiles files = ProcedureFiles.of(FILES.resolve("procedureCatalogue.dmn"),
        FILES.resolve("receive-dossier.form"), Path.of("src/test/resources"));
    assertThat(files.problems()).isEmpty();
    assertThat(files.ownFields(PROCEDURE)).containsExactlyInAnyOrder("maritalStatus", "maritalStatusPurpose",
        "residentSince");
  }

  @Test
  void aDossierOfTheAddedProcedureRunsToItsSignedResultShowingItsOwnFields() throws Exception {
    identity.setAuthentication("dongha.officer", List.of(Roles.ONE_STOP_OFFICER), List.of("dongha"));
    // the section's own rules hold: its purpose is required for this procedure
    assertThatThrownBy(() -> driver.start(PROCEDURE, CHECK_COMPLETE, Map.of("maritalStatus", "NEVER_MARRIED",
        VAR_PHONE, "0912 345 678"))).hasMessageContaining("maritalStatusPurpose");
    ProcessInstance dossier = driver.start(PROCEDURE, CHECK_COMPLETE, Map.of("maritalStatus", "NEVER_MARRIED",
        "maritalStatusPurpose", "Đăng ký kết hôn tại Ủy ban nhân dân phường Đông Lễ", "residentSince", "2020-03-05",
        VAR_PHONE, "0912 345 678"));
    identity.clearAuthentication();

    assertThat(runtime.getVariable(dossier.getId(), VAR_PROCEDURE_NAME)).isEqualTo("Cấp Giấy xác nhận tình trạng hôn nhân");
    assertThat(runtime.getVariable(dossier.getId(), VAR_PHONE)).isEqualTo("0912345678");
    complete(task(dossier, TASK_APPRAISE), withVariables(VAR_APPRAISAL_RESULT, "PROPOSE_APPROVE",
        VAR_APPRAISAL_OPINION, "Đủ điều kiện"));
    Task approval = task(dossier, TASK_APPROVE);
    tasks.claim(approval.getId(), "dongha.chairman");
    tasks.complete(approval.getId(), Map.of(VAR_APPROVAL_DECISION, "APPROVE"));
    driver.signAll(dossier);

    String resultId = (String) driver.historyVariable(dossier, VAR_RESULT_DOCUMENT);
    StoredDocument result = documents.find(resultId).orElseThrow();
    assertThat(result.kind()).isEqualTo(DocumentKind.of(PROCEDURE));
    assertThat(result.state()).isEqualTo(DocumentState.SIGNED);
    Path pdf = dir.resolve("result.pdf");
    Files.write(pdf, documents.content(resultId).orElseThrow());
    String text = Poppler.text(pdf);
    assertThat(text).contains("GIẤY XÁC NHẬN TÌNH TRẠNG HÔN NHÂN").contains("Mã hồ sơ: " + driver.code(dossier))
        .contains("Tình trạng hôn nhân: Chưa đăng ký kết hôn với ai")
        .contains("từ ngày: 5/3/2020").contains("Đăng ký kết hôn tại Ủy ban nhân dân phường Đông Lễ")
        .contains("Nguyễn Văn An").doesNotContain("NEVER_MARRIED").doesNotContain("QUYẾT ĐỊNH");
    assertThat(Poppler.signatures(pdf)).contains("Signature Validation: Signature is Valid.");
  }

  private Task task(ProcessInstance dossier, String key) {
    return tasks.createTaskQuery().processInstanceId(dossier.getId()).taskDefinitionKey(key).singleResult();
  }
}
