package vn.danvan.dossier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;
import static vn.danvan.dossier.DossierProcess.*;
import static vn.danvan.dossier.DossierProcessDriver.at;
import static vn.danvan.dossier.DossierProcessDriver.local;

import java.time.Instant;
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
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import vn.danvan.escalation.EscalationLadder;
import vn.danvan.trail.CaseEvent;
import vn.danvan.trail.CaseTrail;

/**
 * {@code dossierApproval} on the shared escalation ladder: an overrunning appraisal or approval calls
 * {@code escalationLadder} with its element id, each rung asks the real official of Đông Hà and is
 * recorded in the dossier's trail, the rung timers fall due in working time, and the ladder stops when
 * the step is done. The ladder of {@code bpmn/dossierApproval.bpmn} is
 * {@code "OFFICER 4h, VICE_CHAIRMAN 1d, CHAIRMAN 1d, PROVINCE 2d"}. Expected dates are computed by
 * hand (office hours 07:30–11:30, 13:00–17:00; 24/11/2026 is a holiday, 28–29/11 a weekend). Same
 * configuration as the other dossier process tests, so all share one Spring context.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.MOCK, properties = {
    "spring.datasource.url=jdbc:h2:mem:dossier-process;DB_CLOSE_ON_EXIT=FALSE",
    "camunda.bpm.job-execution.enabled=false",
    "danvan.signing.keystore-dir=target/demo-signing"})
@ActiveProfiles("demo")
class DossierEscalationProcessTest {

  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired ManagementService management;
  @Autowired HistoryService history;
  @Autowired IdentityService identity;
  @Autowired CaseTrail trail;
  @Autowired DossierService dossiers;

  static final java.util.Set<String> LADDER_TYPES = java.util.Set.of("STEP_OVERDUE", "ESCALATED",
      "ESCALATION_RUNG_SKIPPED", "STEP_URGED", "ESCALATION_STOPPED", "ESCALATION_EXHAUSTED");
  DossierProcessDriver driver;

  @BeforeEach
  void driveDossiers() {
    driver = new DossierProcessDriver(runtime, management, history);
  }

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
    if (identity.createTenantQuery().tenantId("dongha").userMember("quangtri.chairman").count() > 0) {
      identity.deleteTenantUserMembership("dongha", "quangtri.chairman");
    }
  }

  @Test
  void approvalOverdueClimbsTheLadderOfRealOfficialsAndRecordsEveryRung() {
    ProcessInstance dossier = approvalOverdueAt11();
    ProcessInstance ladder = ladderOf(dossier, CALL_ESCALATE_APPROVAL);
    assertThat(ladder.getTenantId()).isEqualTo("dongha");
    assertThat(ladder.getBusinessKey()).isEqualTo(driver.code(dossier));
    // the ladder got the four inputs and nothing of the applicant
    assertThat(runtime.getVariable(ladder.getId(), EscalationLadder.IN_STEP_ID)).isEqualTo(TASK_APPROVE);
    assertThat(runtime.getVariables(ladder.getId())).doesNotContainKeys(VAR_APPLICANT_NAME, VAR_ID_NUMBER, VAR_PHONE,
        VAR_ADDRESS, VAR_EMAIL);

    // rung 1, OFFICER 4h from Wed 25/11 11:00: 11:00–11:30 + 13:00–16:30 → Wed 16:30; the approval
    // is a group task of the leaders, so the group is reminded; no task of its own
    assertThat(rungEnds(ladder)).isEqualTo(local("2026-11-25T16:30"));
    assertThat(urgeTasks(ladder)).isEmpty();

    // rung 2, VICE_CHAIRMAN 1d from Wed 16:30 → Thu 26/11 17:00, to Đông Hà's vice-chairman
    at("2026-11-25T16:30");
    fireRungEnd(ladder);
    Task vice = singleUrgeTask(ladder);
    assertThat(vice.getAssignee()).isEqualTo("dongha.vicechair");
    assertThat(vice.getName()).isEqualTo("Đôn đốc xử lý bước quá hạn");
    assertThat(vice.getTenantId()).isEqualTo("dongha");
    assertThat(vice.getDueDate().toInstant()).isEqualTo(local("2026-11-26T17:00"));
    assertThat(rungEnds(ladder)).isEqualTo(local("2026-11-26T17:00"));
    // the form shows text, no codes or ISO times
    Map<String, Object> shown = tasks.getVariables(vice.getId());
    assertThat(shown.get(EscalationLadder.VAR_STEP_NAME)).isEqualTo("Phê duyệt kết quả");
    assertThat(shown.get(EscalationLadder.VAR_OVERDUE_SINCE_TEXT)).isEqualTo("11 giờ 00, ngày 25/11/2026");
    assertThat(shown.get(EscalationLadder.VAR_RUNG_DUE_TEXT)).isEqualTo("17 giờ 00, ngày 26/11/2026");
    assertThat((String) shown.get(EscalationLadder.VAR_RUNG_TEXT)).startsWith("Phó Chủ tịch: Phó Chủ tịch UBND phường");

    // the vice-chairman urges: recorded under their name
    complete(vice, withVariables(EscalationLadder.VAR_URGE_NOTE, "Đề nghị trình ký trong buổi sáng"));

    // rung 3, CHAIRMAN 1d from Thu 17:00 → Fri 27/11 17:00, to the chairman
    at("2026-11-26T17:00");
    fireRungEnd(ladder);
    Task chairman = singleUrgeTask(ladder);
    assertThat(chairman.getAssignee()).isEqualTo("dongha.chairman");
    assertThat(chairman.getDueDate().toInstant()).isEqualTo(local("2026-11-27T17:00"));

    // rung 4, PROVINCE: Quảng Trị's chairman does not follow Đông Hà, so the rung is skipped and
    // the ladder has run out; the chairman's task stays open
    at("2026-11-27T17:00");
    fireRungEnd(ladder);
    assertThat(management.createJobQuery().processInstanceId(ladder.getId()).count()).isZero();
    assertThat(singleUrgeTask(ladder).getAssignee()).isEqualTo("dongha.chairman");

    List<CaseEvent> events = ladderEvents(driver.code(dossier));
    assertThat(events).extracting(CaseEvent::type).containsExactly("STEP_OVERDUE", "ESCALATED", "ESCALATED",
        "STEP_URGED", "ESCALATED", "ESCALATION_RUNG_SKIPPED", "ESCALATION_EXHAUSTED");
    assertThat(events).allSatisfy(e -> {
      assertThat(e.step()).isEqualTo(TASK_APPROVE);
      assertThat(e.processKey()).isEqualTo(KEY);
      assertThat(e.unit()).isEqualTo("dongha");
    });
    assertThat(events.get(1).details()).contains("Cán bộ đang xử lý", "nhóm Lãnh đạo", "16 giờ 30, ngày 25/11/2026");
    assertThat(events.get(1).occurredAt()).isEqualTo(local("2026-11-25T11:00"));
    assertThat(events.get(2).details()).contains("(dongha.vicechair)", "17 giờ 00, ngày 26/11/2026");
    assertThat(events.get(3).actor()).isEqualTo("dongha.vicechair");
    assertThat(events.get(3).details()).contains("Đề nghị trình ký trong buổi sáng");
    assertThat(events.get(4).details()).contains("(dongha.chairman)", "17 giờ 00, ngày 27/11/2026");
    assertThat(events.get(5).details()).contains("Lãnh đạo cấp trên", "quangtri.chairman");
    assertThat(events).extracting(CaseEvent::details).noneMatch(d -> d.contains("T11:00") || d.contains("Z"));
  }

  @Test
  void provinceRungGoesToTheParentUnitsHeadWhenTheyFollowTheUnit() {
    identity.createTenantUserMembership("dongha", "quangtri.chairman");
    ProcessInstance dossier = approvalOverdueAt11();
    ProcessInstance ladder = ladderOf(dossier, CALL_ESCALATE_APPROVAL);
    at("2026-11-25T16:30");
    fireRungEnd(ladder);
    at("2026-11-26T17:00");
    fireRungEnd(ladder);
    at("2026-11-27T17:00");
    fireRungEnd(ladder);
    // PROVINCE 2d from Fri 27/11 17:00: Mon 30/11, Tue 1/12 → Tue 1/12 17:00
    Task province = urgeTasks(ladder).stream().filter(t -> "quangtri.chairman".equals(t.getAssignee())).findFirst()
        .orElseThrow();
    assertThat(province.getDueDate().toInstant()).isEqualTo(local("2026-12-01T17:00"));
    assertThat(rungEnds(ladder)).isEqualTo(local("2026-12-01T17:00"));
    assertThat(ladderEvents(driver.code(dossier))).extracting(CaseEvent::type).doesNotContain("ESCALATION_RUNG_SKIPPED");
  }

  @Test
  void aRungNobodyHoldsIsSkippedAndRecordedAndUsesNoTime() {
    // Đông Hà's vice-chairman is no longer a leader: the rung has nobody
    identity.deleteMembership("dongha.vicechair", "leader");
    try {
      ProcessInstance dossier = approvalOverdueAt11();
      ProcessInstance ladder = ladderOf(dossier, CALL_ESCALATE_APPROVAL);
      at("2026-11-25T16:30");
      fireRungEnd(ladder);
      // CHAIRMAN 1d from the officer rung's end, Wed 16:30 → Thu 26/11 17:00 (the skipped rung took no time)
      Task chairman = singleUrgeTask(ladder);
      assertThat(chairman.getAssignee()).isEqualTo("dongha.chairman");
      assertThat(chairman.getDueDate().toInstant()).isEqualTo(local("2026-11-26T17:00"));
      List<CaseEvent> events = ladderEvents(driver.code(dossier));
      assertThat(events).extracting(CaseEvent::type).containsExactly("STEP_OVERDUE", "ESCALATED",
          "ESCALATION_RUNG_SKIPPED", "ESCALATED");
      assertThat(events.get(2).details()).contains("Phó Chủ tịch", "chưa ghi nhận Phó Chủ tịch đang giữ chức vụ");
    } finally {
      identity.createMembership("dongha.vicechair", "leader");
    }
  }

  @Test
  void appraisalOverdueGoesThroughTheLadderAndStopsWhenTheAppraisalIsDone() {
    // Wed 25/11 09:00, CERTIFIED_COPY: appraisal due 11:00
    at("2026-11-25T09:00");
    ProcessInstance dossier = driver.start("CERTIFIED_COPY", CHECK_COMPLETE, Map.of());
    at("2026-11-25T11:00");
    driver.fire(dossier, TIMER_APPRAISAL_OVERDUE);
    ProcessInstance ladder = ladderOf(dossier, CALL_ESCALATE_APPRAISAL);
    assertThat(runtime.getVariable(ladder.getId(), EscalationLadder.IN_STEP_ID)).isEqualTo(TASK_APPRAISE);
    // OFFICER 4h from 11:00 → 16:30; the appraisal is the specialists' group task
    assertThat(rungEnds(ladder)).isEqualTo(local("2026-11-25T16:30"));
    assertThat(ladderEvents(driver.code(dossier)).get(1).details()).contains("nhóm Chuyên viên thẩm định");
    // the dossier still waits in the appraisal beside the ladder
    assertThat(dossier).isWaitingAt(TASK_APPRAISE);

    // Wed 14:00 the specialist appraises: the ladder ends at that moment, not at the rung's end
    at("2026-11-25T14:00");
    complete(task(dossier, TASK_APPRAISE), withVariables(VAR_APPRAISAL_RESULT, "PROPOSE_APPROVE", VAR_APPRAISAL_OPINION, "Hợp lệ"));

    assertThat(runtime.createProcessInstanceQuery().processInstanceId(ladder.getId()).count()).isZero();
    assertThat(management.createJobQuery().processInstanceId(ladder.getId()).count()).isZero();
    assertThat(history.createHistoricProcessInstanceQuery().processInstanceId(ladder.getId()).singleResult()
        .getEndActivityId()).isEqualTo(EscalationLadder.SUBPROCESS_STEP_DONE);
    assertThat(history.createHistoricActivityInstanceQuery().processInstanceId(ladder.getId())
        .activityId(EscalationLadder.END_STOPPED_ON_STEP_DONE).count()).isOne();
    assertThat(ladderEvents(driver.code(dossier)).get(2).occurredAt()).isEqualTo(local("2026-11-25T14:00"));
    assertThat(ladderEvents(driver.code(dossier))).extracting(CaseEvent::type)
        .containsExactly("STEP_OVERDUE", "ESCALATED", "ESCALATION_STOPPED");
    assertThat(dossier).isWaitingAt(TASK_APPROVE);
    assertThat(tasks.createTaskQuery().processDefinitionKey(EscalationLadder.KEY)
        .processInstanceBusinessKey(driver.code(dossier)).count()).isZero();
  }

  @Test
  void theLeadersOpenUrgeTaskIsWithdrawnTheMomentTheApprovalIsDone() {
    ProcessInstance dossier = approvalOverdueAt11();
    ProcessInstance ladder = ladderOf(dossier, CALL_ESCALATE_APPROVAL);
    at("2026-11-25T16:30");
    fireRungEnd(ladder);
    assertThat(singleUrgeTask(ladder).getAssignee()).isEqualTo("dongha.vicechair");

    // Thu 26/11 09:00 the chairman approves: the vice-chairman's urge task disappears at once
    at("2026-11-26T09:00");
    Task approval = task(dossier, TASK_APPROVE);
    tasks.claim(approval.getId(), "dongha.chairman");
    tasks.complete(approval.getId(), withVariables(VAR_APPROVAL_DECISION, APPROVAL_APPROVE));

    assertThat(runtime.createProcessInstanceQuery().processInstanceId(ladder.getId()).count()).isZero();
    assertThat(tasks.createTaskQuery().processInstanceId(ladder.getId()).count()).isZero();
    assertThat(ladderEvents(driver.code(dossier))).extracting(CaseEvent::type).last().isEqualTo("ESCALATION_STOPPED");
    assertThat(runtime.createExecutionQuery().processInstanceId(dossier.getId())
        .activityId(CALL_ESCALATE_APPROVAL).count()).isZero();
  }

  @Test
  void theDossierApiStillReadsItsTrailWithTheLaddersEntries() {
    ProcessInstance dossier = approvalOverdueAt11();
    at("2026-11-25T16:30");
    fireRungEnd(ladderOf(dossier, CALL_ESCALATE_APPROVAL));
    assertThat(dossiers.events(driver.code(dossier))).extracting(DossierEvent::type)
        .contains("STEP_OVERDUE", "ESCALATED");
  }

  // ------------------------------------------------------------ helpers

  /** CERTIFIED_COPY received Wed 25/11/2026 09:00, appraised at 10:00, approval due 11:00, overdue fired at 11:00. */
  private ProcessInstance approvalOverdueAt11() {
    at("2026-11-25T09:00");
    ProcessInstance dossier = driver.start("CERTIFIED_COPY", CHECK_COMPLETE, Map.of());
    at("2026-11-25T10:00");
    complete(task(dossier, TASK_APPRAISE), withVariables(VAR_APPRAISAL_RESULT, "PROPOSE_APPROVE", VAR_APPRAISAL_OPINION, "Hợp lệ"));
    assertThat(driver.timer(dossier, TIMER_APPROVAL_OVERDUE).getDuedate().toInstant()).isEqualTo(local("2026-11-25T11:00"));
    at("2026-11-25T11:00");
    driver.fire(dossier, TIMER_APPROVAL_OVERDUE);
    return dossier;
  }

  private ProcessInstance ladderOf(ProcessInstance dossier, String callActivity) {
    assertThat(runtime.createExecutionQuery().processInstanceId(dossier.getId()).activityId(callActivity).count())
        .as("call activity " + callActivity).isOne();
    return runtime.createProcessInstanceQuery().superProcessInstanceId(dossier.getId())
        .processDefinitionKey(EscalationLadder.KEY).singleResult();
  }

  private Instant rungEnds(ProcessInstance ladder) {
    return management.createJobQuery().processInstanceId(ladder.getId()).activityId(EscalationLadder.TIMER_RUNG_ENDS)
        .singleResult().getDuedate().toInstant();
  }

  private void fireRungEnd(ProcessInstance ladder) {
    management.executeJob(management.createJobQuery().processInstanceId(ladder.getId())
        .activityId(EscalationLadder.TIMER_RUNG_ENDS).singleResult().getId());
  }

  private List<Task> urgeTasks(ProcessInstance ladder) {
    return tasks.createTaskQuery().processInstanceId(ladder.getId()).taskDefinitionKey(EscalationLadder.TASK_URGE).list();
  }

  private Task singleUrgeTask(ProcessInstance ladder) {
    List<Task> open = urgeTasks(ladder);
    assertThat(open).hasSize(1);
    return open.get(0);
  }

  private List<CaseEvent> ladderEvents(String code) {
    return trail.events(code).stream().filter(e -> LADDER_TYPES.contains(e.type())).toList();
  }

  private Task task(ProcessInstance dossier, String key) {
    return tasks.createTaskQuery().processInstanceId(dossier.getId()).taskDefinitionKey(key).singleResult();
  }
}
