package vn.danvan.dossier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;
import static vn.danvan.dossier.DossierProcess.*;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import vn.danvan.document.DocumentService;
import vn.danvan.document.DocumentState;
import vn.danvan.support.Poppler;
import vn.danvan.support.ProcedureSamples;

/**
 * The result of a dossier is signed in the approving leader's real capacity (Decree 30/2020, Art.
 * 13), read back from the signed PDF by independent tools: poppler's {@code pdftotext} for the
 * capacity lines and {@code pdfsig} for the signatures. Same context as {@link DossierApprovalProcessTest}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.MOCK, properties = {
    "spring.datasource.url=jdbc:h2:mem:dossier-process;DB_CLOSE_ON_EXIT=FALSE",
    "camunda.bpm.job-execution.enabled=false",
    "danvan.signing.keystore-dir=target/demo-signing"})
@ActiveProfiles("demo")
class SigningCapacityProcessTest {

  static final Instant WEDNESDAY_MORNING = OffsetDateTime.parse("2026-11-25T09:00:00+07:00").toInstant();

  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired ManagementService management;
  @Autowired HistoryService history;
  @Autowired IdentityService identity;
  @Autowired DocumentService documents;

  @TempDir Path dir;

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @Test
  void aViceChairmanSignsTheResultOnTheChairmansBehalf() throws Exception {
    Path pdf = signedResultApprovedBy("dongha.vicechair");

    String text = Poppler.text(pdf);
    assertThat(text).contains("KT. CHỦ TỊCH\nPHÓ CHỦ TỊCH").contains("Phạm Thị Hoa")
        .doesNotContain("TM. ỦY BAN NHÂN DÂN");
    // the issuing body stays the People's Committee of the ward
    assertThat(text).contains("UBND PHƯỜNG ĐÔNG HÀ").contains("UBND TỈNH QUẢNG TRỊ");
    assertBothSignaturesValid(pdf, "Phạm Thị Hoa");
  }

  @Test
  void theChairmanSignsTheResultForTheCommittee() throws Exception {
    Path pdf = signedResultApprovedBy("dongha.chairman");

    String text = Poppler.text(pdf);
    assertThat(text).contains("TM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH").contains("Lê Văn Minh")
        .doesNotContain("KT. CHỦ TỊCH").doesNotContain("PHÓ CHỦ TỊCH");
    assertBothSignaturesValid(pdf, "Lê Văn Minh");
  }

  @Test
  void aLeaderWithoutAPostCannotApproveASignedResult() {
    String leader = "dongha.nopost";
    if (identity.createUserQuery().userId(leader).count() == 0) {
      var user = identity.newUser(leader);
      user.setFirstName("Trần Văn");
      user.setLastName("Ba");
      user.setPassword("demo");
      identity.saveUser(user);
      identity.createMembership(leader, "leader");
      identity.createTenantUserMembership("dongha", leader);
    }
    ProcessInstance dossier = appraised();
    Task approval = tasks.createTaskQuery().processInstanceId(dossier.getId()).taskDefinitionKey(TASK_APPROVE).singleResult();
    identity.setAuthentication(leader, List.of("leader"), List.of("dongha"));
    try {
      assertThatThrownBy(() -> tasks.complete(approval.getId(), Map.of(VAR_APPROVAL_DECISION, "APPROVE")))
          .hasMessageContaining("holds no position");
    } finally {
      identity.clearAuthentication();
    }
    // rolled back: the approval is still open and no result was issued
    assertThat(tasks.createTaskQuery().taskId(approval.getId()).count()).isEqualTo(1);
    assertThat(runtime.getVariable(dossier.getId(), VAR_RESULT_DOCUMENT)).isNull();
  }

  private ProcessInstance appraised() {
    ClockUtil.setCurrentTime(Date.from(WEDNESDAY_MORNING));
    Map<String, Object> variables = new HashMap<>(Map.of("unitCode", "dongha", VAR_PROCEDURE_CODE, "CERTIFIED_COPY",
        VAR_APPLICANT_NAME, "Nguyễn Văn An", VAR_ID_NUMBER, "045201000123", VAR_PHONE, "0912345678",
        VAR_CHANNEL, "COUNTER", VAR_DOCUMENT_LIST, "Bản chính và bản sao giấy tờ", VAR_CHECK_RESULT, CHECK_COMPLETE,
        VAR_RECEIVING_OFFICER, "dongha.officer"));
    variables.putAll(ProcedureSamples.fields("CERTIFIED_COPY"));
    ProcessInstance dossier = runtime.startProcessInstanceByKey(KEY, variables);
    complete(task(TASK_APPRAISE, dossier), withVariables(VAR_APPRAISAL_RESULT, "PROPOSE_APPROVE",
        VAR_APPRAISAL_OPINION, "Hồ sơ hợp lệ"));
    return dossier;
  }

  private Path signedResultApprovedBy(String leader) throws IOException {
    ProcessInstance dossier = appraised();
    Task approval = tasks.createTaskQuery().processInstanceId(dossier.getId()).taskDefinitionKey(TASK_APPROVE).singleResult();
    identity.setAuthentication(leader, List.of("leader"), List.of("dongha"));
    try {
      tasks.complete(approval.getId(), Map.of(VAR_APPROVAL_DECISION, "APPROVE"));
    } finally {
      identity.clearAuthentication();
    }
    management.createJobQuery().processInstanceId(dossier.getId()).activityId(TASK_PREPARE_RESULT).list()
        .forEach(job -> management.executeJob(job.getId()));

    String resultId = (String) history.createHistoricVariableInstanceQuery().processInstanceId(dossier.getId())
        .variableName(VAR_RESULT_DOCUMENT).singleResult().getValue();
    assertThat(runtime.getVariable(dossier.getId(), VAR_APPROVED_BY)).isEqualTo(leader);
    assertThat(documents.find(resultId).orElseThrow().state()).isEqualTo(DocumentState.SIGNED);
    Path pdf = dir.resolve(leader + ".pdf");
    Files.write(pdf, documents.content(resultId).orElseThrow());
    return pdf;
  }

  private static void assertBothSignaturesValid(Path pdf, String leaderName) throws Exception {
    String output = Poppler.signatures(pdf);
    assertThat(output).contains("Signature #1:").contains("Signature #2:").doesNotContain("Signature #3:");
    String first = output.substring(output.indexOf("Signature #1:"), output.indexOf("Signature #2:"));
    String second = output.substring(output.indexOf("Signature #2:"));
    assertThat(first).contains("Signature Validation: Signature is Valid.").contains(leaderName);
    assertThat(second).contains("Signature Validation: Signature is Valid.").contains("Phường Đông Hà")
        .contains("Total document signed");
  }
}
