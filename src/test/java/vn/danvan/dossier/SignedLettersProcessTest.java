package vn.danvan.dossier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static vn.danvan.dossier.DossierProcess.*;
import static vn.danvan.dossier.DossierProcessDriver.at;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import vn.danvan.document.DocumentService;
import vn.danvan.document.DocumentState;
import vn.danvan.support.Poppler;
import vn.danvan.identity.UnitOfficials;
import vn.danvan.identity.UnitProfile;

/**
 * Letters to citizens are signed before they go out: the supplement request (Form 02) with the
 * unit's signature, the apology (Form 04) by the leader who issued it, in their capacity, and the
 * unit. The message that announces a letter is queued only by the step after its signature; when
 * signing fails the job fails and is retried, and nothing is sent. Signatures are checked with
 * poppler's {@code pdfsig}, the letter's text with {@code pdftotext}. Same context as
 * {@link DossierApprovalProcessTest}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.MOCK, properties = {
    "spring.datasource.url=jdbc:h2:mem:dossier-process;DB_CLOSE_ON_EXIT=FALSE",
    "camunda.bpm.job-execution.enabled=false",
    "danvan.signing.keystore-dir=target/demo-signing"})
@ActiveProfiles("demo")
class SignedLettersProcessTest {

  static final String UNIT_PHONE = "0233 3852 123";

  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired ManagementService management;
  @Autowired HistoryService history;
  @Autowired DocumentService documents;
  @Autowired UnitOfficials officials;
  @Autowired JdbcTemplate jdbc;

  @TempDir Path dir;

  DossierProcessDriver driver;
  UnitProfile unit;

  @BeforeEach
  void setUp() {
    driver = new DossierProcessDriver(runtime, management, history);
    unit = officials.profile("dongha").orElseThrow();
    officials.replace("dongha", unit.asChange().withContactPhone(UNIT_PHONE), "test");
  }

  @AfterEach
  void tearDown() {
    officials.replace("dongha", unit.asChange().withContactPhone(null), "test");
    ClockUtil.reset();
  }

  @Test
  void theSupplementRequestIsSignedByTheUnitBeforeItIsSent() throws Exception {
    at("2026-11-25T09:00");
    ProcessInstance dossier = driver.start("LAND_TRANSFER_REGISTRATION", CHECK_INCOMPLETE, Map.of());

    // drawn up, not yet signed, not yet sent: the case waits at the signing job
    String letter = (String) runtime.getVariable(dossier.getId(), VAR_SUPPLEMENT_DOCUMENT);
    assertThat(documents.find(letter).orElseThrow().state()).isNotEqualTo(DocumentState.SIGNED);
    assertThat(dossier).isWaitingAt(TASK_SIGN_SUPPLEMENT_REQUEST);
    assertThat(messages(dossier)).isEmpty();

    signingJob(dossier, TASK_SIGN_SUPPLEMENT_REQUEST).ifPresent(job -> management.executeJob(job.getId()));

    assertThat(documents.find(letter).orElseThrow().state()).isEqualTo(DocumentState.SIGNED);
    assertThat(dossier).isWaitingAt(TASK_RECEIVE_SUPPLEMENT);
    Path pdf = save(letter);
    String signatures = Poppler.signatures(pdf);
    assertThat(signatures).contains("Signature #1:").doesNotContain("Signature #2:")
        .contains("Signature Validation: Signature is Valid.").contains("Phường Đông Hà").contains("Total document signed");
    assertThat(Poppler.text(pdf)).contains("PHIẾU YÊU CẦU BỔ SUNG").contains("ngày 16/12/2026").contains(UNIT_PHONE);
    // the message announces the same deadline as the letter (SMS text is unaccented), with the public status link
    assertThat(messages(dossier)).containsExactlyInAnyOrder("SMS SUPPLEMENT_REQUEST", "EMAIL SUPPLEMENT_REQUEST");
    assertThat(body(dossier, "SMS")).contains("den 17:00 ngay 16/12/2026").contains("http");
    assertThat(body(dossier, "EMAIL")).contains("Nguyễn Văn An").contains("Bản sao căn cước công dân")
        .contains("17:00 ngày 16/12/2026").contains("Tình trạng hồ sơ: http");
  }

  @Test
  void theApologyIsSignedByTheLeaderWhoIssuedItInTheirCapacityAndShowsTheNewAppointmentAndThePhone()
      throws Exception {
    ProcessInstance dossier = apologyIssuedBy("dongha.vicechair");

    String letter = (String) runtime.getVariable(dossier.getId(), VAR_APOLOGY_DOCUMENT);
    assertThat(documents.find(letter).orElseThrow().state()).isNotEqualTo(DocumentState.SIGNED);
    assertThat(messages(dossier)).doesNotContain("SMS APOLOGY", "EMAIL APOLOGY");

    signingJob(dossier, TASK_SIGN_APOLOGY).ifPresent(job -> management.executeJob(job.getId()));

    assertThat(documents.find(letter).orElseThrow().state()).isEqualTo(DocumentState.SIGNED);
    Path pdf = save(letter);
    String text = Poppler.text(pdf);
    assertThat(text).contains("THƯ XIN LỖI").contains("KT. CHỦ TỊCH\nPHÓ CHỦ TỊCH").contains("Phạm Thị Hoa")
        .contains("17 giờ 00 phút, ngày 14/12/2026").contains("số điện thoại " + UNIT_PHONE);
    String signatures = Poppler.signatures(pdf);
    String first = signatures.substring(signatures.indexOf("Signature #1:"), signatures.indexOf("Signature #2:"));
    String second = signatures.substring(signatures.indexOf("Signature #2:"));
    assertThat(first).contains("Signature Validation: Signature is Valid.").contains("Phạm Thị Hoa");
    assertThat(second).contains("Signature Validation: Signature is Valid.").contains("Phường Đông Hà")
        .contains("Total document signed");
    assertThat(messages(dossier)).contains("SMS APOLOGY", "EMAIL APOLOGY");
    assertThat(body(dossier, "SMS", "APOLOGY")).contains("hen moi 17:00 ngay 14/12/2026").contains("http");
    assertThat(body(dossier, "EMAIL", "APOLOGY")).contains("Lý do: Chờ kết quả xác minh của cơ quan thuế.");
  }

  @Test
  void whenSigningFailsTheJobIsRetriedAndNothingIsSent() {
    at("2026-11-25T09:00");
    ProcessInstance complete = driver.start("CERTIFIED_COPY", CHECK_COMPLETE, Map.of());
    ProcessInstance dossier = driver.start("LAND_TRANSFER_REGISTRATION", CHECK_INCOMPLETE, Map.of());
    String letter = (String) runtime.getVariable(dossier.getId(), VAR_SUPPLEMENT_DOCUMENT);
    // the step's variable now points at another document (a receipt): the kind guard refuses to sign it
    runtime.setVariable(dossier.getId(), VAR_SUPPLEMENT_DOCUMENT, runtime.getVariable(complete.getId(), VAR_RECEIPT_DOCUMENT));
    Job job = signingJob(dossier, TASK_SIGN_SUPPLEMENT_REQUEST).orElseThrow();

    assertThatThrownBy(() -> management.executeJob(job.getId())).hasMessageContaining("not a SUPPLEMENT_REQUEST");

    Job retried = signingJob(dossier, TASK_SIGN_SUPPLEMENT_REQUEST).orElseThrow();
    assertThat(retried.getRetries()).isLessThan(3);
    assertThat(retried.getExceptionMessage()).contains("not a SUPPLEMENT_REQUEST");
    assertThat(dossier).isWaitingAt(TASK_SIGN_SUPPLEMENT_REQUEST);
    assertThat(messages(dossier)).isEmpty();
    assertThat(documents.find(letter).orElseThrow().state()).isNotEqualTo(DocumentState.SIGNED);
  }

  // ------------------------------------------------------------------ helpers

  /** A dossier whose apology was completed by {@code leader}, moving the appointment to 14/12/2026 17:00. */
  private ProcessInstance apologyIssuedBy(String leader) {
    at("2026-11-25T09:00");
    ProcessInstance dossier = driver.start("LAND_TRANSFER_REGISTRATION", CHECK_COMPLETE, Map.of());
    ClockUtil.setCurrentTime(Date.from(((Date) runtime.getVariable(dossier.getId(), VAR_APOLOGY_DUE_AT)).toInstant()
        .plusSeconds(60)));
    driver.fire(dossier, TIMER_APOLOGY_DUE);
    Task apology = tasks.createTaskQuery().processInstanceId(dossier.getId()).taskDefinitionKey(TASK_ISSUE_APOLOGY)
        .singleResult();
    tasks.claim(apology.getId(), leader);
    tasks.complete(apology.getId(), Map.of(VAR_APOLOGY_REASON, "Chờ kết quả xác minh của cơ quan thuế",
        VAR_NEW_APPOINTMENT, "2026-12-14T17:00"));
    assertThat(runtime.getVariable(dossier.getId(), VAR_APOLOGY_ISSUED_BY)).isEqualTo(leader);
    return dossier;
  }

  private java.util.Optional<Job> signingJob(ProcessInstance dossier, String step) {
    return management.createJobQuery().processInstanceId(dossier.getId()).activityId(step).list().stream().findFirst();
  }

  private List<String> messages(ProcessInstance dossier) {
    return jdbc.queryForList("SELECT channel || ' ' || kind FROM dv_notification WHERE case_ref = ? ORDER BY created_at",
        String.class, driver.code(dossier));
  }

  private String body(ProcessInstance dossier, String channel) {
    return body(dossier, channel, "SUPPLEMENT_REQUEST");
  }

  private String body(ProcessInstance dossier, String channel, String kind) {
    return jdbc.queryForObject("SELECT body FROM dv_notification WHERE case_ref = ? AND channel = ? AND kind = ?",
        String.class, driver.code(dossier), channel, kind);
  }

  private Path save(String documentId) throws IOException {
    Path pdf = dir.resolve(documentId + ".pdf");
    Files.write(pdf, documents.content(documentId).orElseThrow());
    return pdf;
  }
}
