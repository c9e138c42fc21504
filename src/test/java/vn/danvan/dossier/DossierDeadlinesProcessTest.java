package vn.danvan.dossier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;
import static vn.danvan.dossier.DossierProcess.*;
import static vn.danvan.dossier.DossierProcessDriver.at;
import static vn.danvan.dossier.DossierProcessDriver.local;

import java.io.InputStream;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import vn.danvan.contract.ContractViolation;
import vn.danvan.document.DocumentService;
import vn.danvan.support.ProcedureSamples;

/**
 * Due dates in {@code dossierApproval}, asserted on the timer jobs and tasks themselves: the rule of
 * the day of acceptance across a catalogue change, the apology for every deadline length, the
 * return task, and the paths not covered elsewhere (approval overdue, withdrawal while
 * supplementing, supplement not accepted). Every expected date is computed by hand in a comment,
 * on the bundled working-day calendar (weekends; 24/11/2026 is Vietnamese Culture Day; no holiday
 * in June, July or December 2026) and office hours 07:30–11:30, 13:00–17:00. Same configuration
 * as {@link DossierApprovalProcessTest}, so both share one Spring context.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.MOCK, properties = {
    "spring.datasource.url=jdbc:h2:mem:dossier-process;DB_CLOSE_ON_EXIT=FALSE",
    "camunda.bpm.job-execution.enabled=false",
    "danvan.signing.keystore-dir=target/demo-signing"})
@ActiveProfiles("demo")
class DossierDeadlinesProcessTest {

  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired ManagementService management;
  @Autowired RepositoryService repository;
  @Autowired DossierService dossiers;
  @Autowired DocumentService documents;
  @Autowired org.springframework.jdbc.core.JdbcTemplate jdbc;
  @Autowired vn.danvan.identity.UnitOfficials officials;
  @Autowired org.camunda.bpm.engine.HistoryService history;
  DossierProcessDriver driver;

  @org.junit.jupiter.api.BeforeEach
  void driveDossiers() {
    driver = new DossierProcessDriver(runtime, management, history);
  }

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  // ------------------------------------------------------------ the rule of the day of acceptance

  @Test
  void aDossierAcceptedTheDayBeforeARuleChangeKeepsTheOldRuleAfterIt() throws Exception {
    Deployment changed;
    try (InputStream in = getClass().getResourceAsStream("/dossier/catalogueChangingOn20260701.dmn")) {
      changed = repository.createDeployment().name("catalogue-changing-on-2026-07-01")
          .addInputStream("dossier/catalogueChangingOn20260701.dmn", in).deploy();
    }
    try {
      // Tue 30/6/2026 09:00, old row: 3 working days, appraise 1, approve 1 (working days).
      at("2026-06-30T09:00");
      ProcessInstance before = driver.start("BIRTH_REGISTRATION", CHECK_COMPLETE, Map.of());
      // 3 working days after Tue 30/6: Wed 1/7, Thu 2/7, Fri 3/7 → Fri 3/7 17:00
      assertThat(driver.appointment(before)).isEqualTo(local("2026-07-03T17:00"));
      // appraisal: 1 working day → Wed 1/7 17:00 (task and its overdue timer)
      assertThat(taskDue(before, TASK_APPRAISE)).isEqualTo(local("2026-07-01T17:00"));
      assertThat(jobDue(before, TIMER_APPRAISAL_OVERDUE)).isEqualTo(local("2026-07-01T17:00"));

      // Wed 1/7/2026 08:00, the new row is in force; the appraisal is done and goes to the leader.
      at("2026-07-01T08:00");
      complete(task(before, TASK_APPRAISE), withVariables(VAR_APPRAISAL_RESULT, "PROPOSE_APPROVE", VAR_APPRAISAL_OPINION, "Hợp lệ"));
      // old row, approve 1 working day: Thu 2/7 17:00 (today's row would give 2 days: Fri 3/7 17:00)
      assertThat(taskDue(before, TASK_APPROVE)).isEqualTo(local("2026-07-02T17:00"));
      assertThat(jobDue(before, TIMER_APPROVAL_OVERDUE)).isEqualTo(local("2026-07-02T17:00"));
      assertThat(dossiers.procedure(driver.code(before), false).deadline().amount()).isEqualTo(3);

      // Wed 1/7/2026 09:00, new row: 5 working days, appraise 2.
      at("2026-07-01T09:00");
      ProcessInstance after = driver.start("BIRTH_REGISTRATION", CHECK_COMPLETE, Map.of());
      // 5 working days after Wed 1/7: 2, 3, 6, 7, 8/7 → Wed 8/7 17:00
      assertThat(driver.appointment(after)).isEqualTo(local("2026-07-08T17:00"));
      // appraisal: 2 working days → Fri 3/7 17:00
      assertThat(taskDue(after, TASK_APPRAISE)).isEqualTo(local("2026-07-03T17:00"));
      assertThat(jobDue(after, TIMER_APPRAISAL_OVERDUE)).isEqualTo(local("2026-07-03T17:00"));
      assertThat(dossiers.procedure(driver.code(after), false).deadline().amount()).isEqualTo(5);
    } finally {
      repository.deleteDeployment(changed.getId(), true);
    }
  }

  // ------------------------------------------------------------ timer due dates per deadline length

  @Test
  void sameDayProcedure() {
    // Wed 25/11/2026 09:00, CERTIFIED_COPY: same day, appraise 2 working hours.
    at("2026-11-25T09:00");
    ProcessInstance dossier = driver.start("CERTIFIED_COPY", CHECK_COMPLETE, Map.of());
    // received before the 15:00 cut-off → 17:00 the same day
    assertThat(driver.appointment(dossier)).isEqualTo(local("2026-11-25T17:00"));
    // 09:00 + 2 h → 11:00
    assertThat(jobDue(dossier, TIMER_APPRAISAL_OVERDUE)).isEqualTo(local("2026-11-25T11:00"));
    // no working day lies between acceptance and appointment: office time 09:00–11:30 (150 min) +
    // 13:00–17:00 (240 min) = 390 min; a quarter, rounded up, is 98 min → 17:00 − 1 h 38 = 15:22
    assertThat(jobDue(dossier, TIMER_APOLOGY_DUE)).isEqualTo(local("2026-11-25T15:22"))
        .isAfter(local("2026-11-25T09:00"));
  }

  @Test
  void halfDayProcedure() {
    // Wed 25/11/2026 14:00, RESIDENCE_CONFIRMATION: half a day, appraise 2 working hours.
    at("2026-11-25T14:00");
    ProcessInstance dossier = driver.start("RESIDENCE_CONFIRMATION", CHECK_COMPLETE, Map.of());
    // received in the afternoon → the next session ends Thu 26/11 11:30
    assertThat(driver.appointment(dossier)).isEqualTo(local("2026-11-26T11:30"));
    // 14:00 + 2 h → 16:00
    assertThat(jobDue(dossier, TIMER_APPRAISAL_OVERDUE)).isEqualTo(local("2026-11-25T16:00"));
    // the last working day before Thu 26/11 is the day of acceptance: office time 14:00–17:00
    // (180 min) + Thu 07:30–11:30 (240 min) = 420 min; a quarter is 105 min → 11:30 − 1 h 45 = 09:45 Thu
    assertThat(jobDue(dossier, TIMER_APOLOGY_DUE)).isEqualTo(local("2026-11-26T09:45"));
  }

  @Test
  void fiveDayProcedureWithVerification() {
    // Wed 25/11/2026 09:00, MARRIAGE_REGISTRATION with verification: 5 working days, appraise 3.
    at("2026-11-25T09:00");
    ProcessInstance dossier = driver.start("MARRIAGE_REGISTRATION", CHECK_COMPLETE, Map.of(VAR_VERIFICATION_NEEDED, true));
    // 26, 27, 30/11, 1, 2/12 → Wed 2/12 17:00
    assertThat(driver.appointment(dossier)).isEqualTo(local("2026-12-02T17:00"));
    // 26, 27, 30/11 → Mon 30/11 17:00
    assertThat(jobDue(dossier, TIMER_APPRAISAL_OVERDUE)).isEqualTo(local("2026-11-30T17:00"));
    // the opening of the last working day before the appointment's day: Tue 1/12 07:30
    assertThat(jobDue(dossier, TIMER_APOLOGY_DUE)).isEqualTo(local("2026-12-01T07:30"));
  }

  @Test
  void twentyDayProcedure() {
    // Wed 25/11/2026 09:00, LAND_FIRST_REGISTRATION: 20 working days, appraise 17.
    at("2026-11-25T09:00");
    ProcessInstance dossier = driver.start("LAND_FIRST_REGISTRATION", CHECK_COMPLETE, Map.of());
    // 26, 27, 30/11 (3), 1–4/12 (7), 7–11/12 (12), 14–18/12 (17), 21, 22, 23/12 (20) → Wed 23/12 17:00
    assertThat(driver.appointment(dossier)).isEqualTo(local("2026-12-23T17:00"));
    // the 17th working day → Fri 18/12 17:00
    assertThat(jobDue(dossier, TIMER_APPRAISAL_OVERDUE)).isEqualTo(local("2026-12-18T17:00"));
    // Tue 22/12 07:30: a whole working day for the leader, the letter out a day before
    assertThat(jobDue(dossier, TIMER_APOLOGY_DUE)).isEqualTo(local("2026-12-22T07:30"));
  }

  // ------------------------------------------------------------ other paths

  @Test
  void approvalThatOverrunsItsBudgetIsEscalated() {
    // Wed 25/11/2026 09:00, CERTIFIED_COPY; the appraisal is done at 10:00; approve budget 1 h → 11:00
    at("2026-11-25T09:00");
    ProcessInstance dossier = driver.start("CERTIFIED_COPY", CHECK_COMPLETE, Map.of());
    at("2026-11-25T10:00");
    complete(task(dossier, TASK_APPRAISE), withVariables(VAR_APPRAISAL_RESULT, "PROPOSE_APPROVE", VAR_APPRAISAL_OPINION, "Hợp lệ"));
    assertThat(jobDue(dossier, TIMER_APPROVAL_OVERDUE)).isEqualTo(local("2026-11-25T11:00"));
    assertThat(taskDue(dossier, TASK_APPROVE)).isEqualTo(local("2026-11-25T11:00"));

    at("2026-11-25T11:01");
    driver.fire(dossier, TIMER_APPROVAL_OVERDUE);
    assertThat(runtime.createExecutionQuery().processInstanceId(dossier.getId()).activityId(CALL_ESCALATE_APPROVAL).count()).isOne();
    assertThat(tasks.createTaskQuery().processInstanceId(dossier.getId()).taskDefinitionKey(TASK_APPROVE).count()).isOne();
    assertThat(dossiers.events(driver.code(dossier))).extracting(DossierEvent::type).contains("STEP_OVERDUE");
  }

  @Test
  void returnTaskIsDueAtTheAppointment() {
    at("2026-11-25T09:00");
    ProcessInstance dossier = driver.start("CERTIFIED_COPY", CHECK_COMPLETE, Map.of());
    complete(task(dossier, TASK_APPRAISE), withVariables(VAR_APPRAISAL_RESULT, "PROPOSE_APPROVE", VAR_APPRAISAL_OPINION, "Hợp lệ"));
    Task approval = task(dossier, TASK_APPROVE);
    tasks.claim(approval.getId(), "dongha.chairman");
    tasks.complete(approval.getId(), Map.of(VAR_APPROVAL_DECISION, "APPROVE"));
    driver.signAll(dossier);

    assertThat(dossier).isWaitingAt(TASK_RETURN);
    assertThat(taskDue(dossier, TASK_RETURN)).isEqualTo(local("2026-11-25T17:00"));
  }

  @Test
  void citizenWithdrawsWhileSupplementing() {
    at("2026-11-25T09:00");
    ProcessInstance dossier = driver.start("CERTIFIED_COPY", CHECK_INCOMPLETE, Map.of());
    driver.signAll(dossier);
    assertThat(dossier).isWaitingAt(TASK_RECEIVE_SUPPLEMENT);

    runtime.createMessageCorrelation(MESSAGE_WITHDRAWN).processInstanceBusinessKey(driver.code(dossier))
        .setVariable(VAR_WITHDRAWAL_REASON, "Công dân không còn nhu cầu")
        .setVariable(VAR_WITHDRAWAL_RECORDED_BY, "dongha.officer").correlateWithResult();

    assertThat(dossier).isEnded().hasPassed(END_WITHDRAWN);
    assertThat(dossiers.find(driver.code(dossier)).orElseThrow().state()).isEqualTo(DossierState.WITHDRAWN);
    assertThat(management.createJobQuery().processInstanceId(dossier.getId()).count()).isZero();
  }

  @Test
  void supplementThatDoesNotMeetTheConditionsIsRefused() {
    at("2026-11-25T09:00");
    ProcessInstance dossier = driver.start("CERTIFIED_COPY", CHECK_INCOMPLETE, Map.of());
    driver.signAll(dossier);
    complete(task(dossier, TASK_RECEIVE_SUPPLEMENT), withVariables(VAR_CHECK_RESULT, CHECK_NOT_ACCEPTED,
        VAR_REFUSAL_REASONS, "Giấy tờ bổ sung không phải bản chính"));
    driver.signAll(dossier);

    assertThat(dossier).isEnded().hasPassed(END_REFUSED);
    assertThat(dossiers.find(driver.code(dossier)).orElseThrow().state()).isEqualTo(DossierState.REFUSED);
    assertThat(dossiers.events(driver.code(dossier))).extracting(DossierEvent::type)
        .containsSubsequence("SUPPLEMENT_REQUESTED", "REFUSED");
  }

  @Test
  void receiptReissuedAfterASupplementShowsWhenTheDossierBecameComplete() throws Exception {
    at("2026-11-25T09:00");
    ProcessInstance dossier = driver.start("LAND_TRANSFER_REGISTRATION", CHECK_INCOMPLETE, Map.of());
    driver.signAll(dossier);
    at("2026-11-30T10:15");
    complete(task(dossier, TASK_RECEIVE_SUPPLEMENT), withVariables(VAR_CHECK_RESULT, CHECK_COMPLETE));

    String receipt = (String) runtime.getVariable(dossier.getId(), VAR_RECEIPT_DOCUMENT);
    try (var pdf = Loader.loadPDF(documents.content(receipt).orElseThrow())) {
      String text = new PDFTextStripper().getText(pdf).replaceAll("\\s+", " ");
      assertThat(text).contains("10 giờ 15 phút, ngày 30/11/2026").doesNotContain("09 giờ 00 phút, ngày 25/11/2026");
    }
  }

  @Test
  void supplementRequestLetterShowsTheDeadlineItGivesAndTheUnitsContactPhone() throws Exception {
    // the unit's phone is data, set as an administrator sets it (PUT /api/units/dongha), officials kept
    var unit = officials.profile("dongha").orElseThrow();
    officials.replace("dongha", unit.asChange().withContactPhone("0233 3852 123"), "test");
    try {
      at("2026-11-25T09:00");
      ProcessInstance dossier = driver.start("LAND_TRANSFER_REGISTRATION", CHECK_INCOMPLETE, Map.of());

      // 15 working days from Wednesday 25/11/2026: to the end of Wednesday 16/12/2026
      assertThat(runtime.getVariable(dossier.getId(), VAR_SUPPLEMENT_DUE_TEXT)).isEqualTo("17 giờ 00 phút, ngày 16/12/2026");
      String letter = (String) runtime.getVariable(dossier.getId(), "supplementDocumentId");
      try (var pdf = Loader.loadPDF(documents.content(letter).orElseThrow())) {
        String text = new PDFTextStripper().getText(pdf).replaceAll("\\s+", " ");
        assertThat(text).contains("PHIẾU YÊU CẦU BỔ SUNG", "Thời hạn bổ sung, hoàn thiện hồ sơ: đến 17 giờ 00 phút, ngày 16/12/2026",
            "số điện thoại 0233 3852 123");
      }
    } finally {
      officials.replace("dongha", unit.asChange().withContactPhone(null), "test");
    }
  }


  // ------------------------------------------------------------ values the delegates need

  @Test
  void incompleteDossierWithoutTheMissingItemsIsA400NamingTheFieldAndNothingIsWritten() {
    at("2026-11-25T09:00");
    Integer before = jdbc.queryForObject("SELECT COUNT(*) FROM dv_dossier", Integer.class);
    Map<String, Object> variables = new HashMap<>(Map.of("unitCode", "dongha", VAR_PROCEDURE_CODE, "CERTIFIED_COPY",
        VAR_APPLICANT_NAME, "Nguyễn Văn An", VAR_ID_NUMBER, "045201000123", VAR_PHONE, "0912345678",
        VAR_CHANNEL, "COUNTER", VAR_DOCUMENT_LIST, "Bản sao giấy tờ", VAR_CHECK_RESULT, CHECK_INCOMPLETE,
        VAR_RECEIVING_OFFICER, "dongha.officer"));
    variables.putAll(ProcedureSamples.fields("CERTIFIED_COPY"));
    assertThatThrownBy(() -> runtime.startProcessInstanceByKey(KEY, variables))
        .satisfies(e -> assertThat(ContractViolation.in(e)).isNotNull().extracting(ContractViolation::field).isEqualTo(VAR_MISSING_ITEMS));
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM dv_dossier", Integer.class)).isEqualTo(before);
  }

  @Test
  void appraisalAskingForASupplementWithoutTheMissingItemsIsRefusedAndTheTaskStays() {
    at("2026-11-25T09:00");
    ProcessInstance dossier = driver.start("LAND_TRANSFER_REGISTRATION", CHECK_COMPLETE, Map.of());
    Task appraisal = task(dossier, TASK_APPRAISE);
    assertThatThrownBy(() -> tasks.complete(appraisal.getId(), Map.of(VAR_APPRAISAL_RESULT, "NEED_SUPPLEMENT",
        VAR_APPRAISAL_OPINION, "Thiếu bản đồ")))
        .satisfies(e -> assertThat(ContractViolation.in(e)).isNotNull().extracting(ContractViolation::field).isEqualTo(VAR_MISSING_ITEMS));
    assertThat(tasks.createTaskQuery().taskId(appraisal.getId()).count()).isOne();
    assertThat(dossiers.find(driver.code(dossier)).orElseThrow().state()).isEqualTo(DossierState.IN_PROGRESS);
  }

  @Test
  void leaderRefusingWithoutReasonsIsRefusedAndTheTaskStays() {
    at("2026-11-25T09:00");
    ProcessInstance dossier = driver.start("CERTIFIED_COPY", CHECK_COMPLETE, Map.of());
    complete(task(dossier, TASK_APPRAISE), withVariables(VAR_APPRAISAL_RESULT, "PROPOSE_REFUSE", VAR_APPRAISAL_OPINION, "Tẩy xóa"));
    Task approval = task(dossier, TASK_APPROVE);
    tasks.claim(approval.getId(), "dongha.chairman");
    assertThatThrownBy(() -> tasks.complete(approval.getId(), Map.of(VAR_APPROVAL_DECISION, "REFUSE")))
        .satisfies(e -> assertThat(ContractViolation.in(e)).isNotNull().extracting(ContractViolation::field).isEqualTo(VAR_REFUSAL_REASONS));
    assertThat(tasks.createTaskQuery().taskId(approval.getId()).count()).isOne();
    assertThat(dossiers.find(driver.code(dossier)).orElseThrow().state()).isEqualTo(DossierState.IN_PROGRESS);
  }

  // ------------------------------------------------------------ helpers

  private Instant jobDue(ProcessInstance dossier, String timerActivity) {
    return driver.timer(dossier, timerActivity).getDuedate().toInstant();
  }

  private Task task(ProcessInstance dossier, String key) {
    return tasks.createTaskQuery().processInstanceId(dossier.getId()).taskDefinitionKey(key).singleResult();
  }

  private Instant taskDue(ProcessInstance dossier, String key) {
    return task(dossier, key).getDueDate().toInstant();
  }

  /** Moves the engine clock to a local time in Vietnam. */
}
