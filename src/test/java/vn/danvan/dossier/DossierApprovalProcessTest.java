package vn.danvan.dossier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;
import static vn.danvan.dossier.DossierProcess.*;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import vn.danvan.document.DocumentKind;
import vn.danvan.document.DocumentService;
import vn.danvan.document.DocumentState;

/**
 * {@code dossierApproval} end to end in the engine: every path of the one-stop process, timers
 * fired through their jobs with the engine clock moved, documents generated and signed for real.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.MOCK, properties = {
    "spring.datasource.url=jdbc:h2:mem:dossier-process;DB_CLOSE_ON_EXIT=FALSE",
    "camunda.bpm.job-execution.enabled=false",
    "danvan.signing.keystore-dir=target/demo-signing"})
@ActiveProfiles("demo")
class DossierApprovalProcessTest {

  /** Wednesday 25/11/2026, 09:00: a working day (24/11 is Vietnamese Culture Day). */
  static final Instant WEDNESDAY_MORNING = OffsetDateTime.parse("2026-11-25T09:00:00+07:00").toInstant();

  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired ManagementService management;
  @Autowired DossierService dossiers;
  @Autowired DocumentService documents;
  @Autowired org.camunda.bpm.engine.IdentityService identity;
  @Autowired vn.danvan.signing.SignatureVerifier verifier;
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

  @Test
  void completeDossierIsAppraisedApprovedSignedAndReturnedOnTime() {
    at(WEDNESDAY_MORNING);
    ProcessInstance dossier = start("CERTIFIED_COPY", CHECK_COMPLETE);

    assertThat(dossier).isWaitingAt(TASK_APPRAISE).hasBusinessKey(driver.code(dossier));
    assertThat(driver.appointment(dossier)).isEqualTo(OffsetDateTime.parse("2026-11-25T17:00:00+07:00").toInstant());
    assertThat(runtime.getVariable(dossier.getId(), VAR_APPOINTMENT_TEXT)).isEqualTo("17 giờ 00 phút, ngày 25/11/2026");
    assertThat(documents.find(var(dossier, "receiptDocumentId")).orElseThrow().kind()).isEqualTo(DocumentKind.RECEIPT);
    assertThat(task(dossier)).hasCandidateGroup("specialist");

    appraiseAndApprove(dossier, "PROPOSE_APPROVE");
    driver.signAll(dossier);

    assertThat(dossier).isWaitingAt(TASK_RETURN);
    assertThat(documents.find(var(dossier, VAR_RESULT_DOCUMENT)).orElseThrow().state()).isEqualTo(DocumentState.SIGNED);
    complete(task(dossier), withVariables("resultHandedOver", true, VAR_SATISFACTION, "5"));

    assertThat(dossier).isEnded().hasPassed(END_RETURNED).variables().containsEntry(VAR_OUTCOME, "ON_TIME");
    Dossier register = dossiers.find(driver.code(dossier)).orElseThrow();
    assertThat(register.state()).isEqualTo(DossierState.RETURNED);
    assertThat(register.outcome()).isEqualTo(Outcome.ON_TIME);
    assertThat(register.satisfaction()).isEqualTo(5);
    assertThat(register.phoneLast4()).isEqualTo("5678");
    assertThat(dossiers.events(driver.code(dossier))).extracting(DossierEvent::type).containsSubsequence(
        "RECEIVED", "RECEIPT_ISSUED", "RESULT_READY",
        "RETURNED", "RATED");
    assertThat(messages(dossier)).containsExactlyInAnyOrder("SMS RECEIPT", "EMAIL RECEIPT", "SMS RESULT_READY", "EMAIL RESULT_READY");
  }

  @Test
  void leaderWhoApprovesWithoutClaimingIsTheOneWhoSigns() {
    at(WEDNESDAY_MORNING);
    ProcessInstance dossier = start("CERTIFIED_COPY", CHECK_COMPLETE);
    complete(task(TASK_APPRAISE, dossier), withVariables(VAR_APPRAISAL_RESULT, "PROPOSE_APPROVE", VAR_APPRAISAL_OPINION, "Hợp lệ"));
    Task approval = tasks.createTaskQuery().processInstanceId(dossier.getId()).taskDefinitionKey(TASK_APPROVE).singleResult();
    identity.setAuthentication("dongha.vicechair", java.util.List.of("leader"), java.util.List.of("dongha"));
    try {
      tasks.complete(approval.getId(), Map.of(VAR_APPROVAL_DECISION, "APPROVE"));
    } finally {
      identity.clearAuthentication();
    }
    driver.signAll(dossier);

    assertThat(runtime.getVariable(dossier.getId(), VAR_APPROVED_BY)).isEqualTo("dongha.vicechair");
    var report = verifier.verify(documents.content(var(dossier, VAR_RESULT_DOCUMENT)).orElseThrow());
    assertThat(report.valid()).isTrue();
    assertThat(report.signatures()).extracting(vn.danvan.signing.SignatureReport::signer)
        .containsExactly("Phạm Thị Hoa", "Phường Đông Hà");
  }

  @Test
  void birthRegistrationComesWithTheChairmansCongratulationLetter() {
    at(WEDNESDAY_MORNING);
    ProcessInstance dossier = start("BIRTH_REGISTRATION", CHECK_COMPLETE);
    appraiseAndApprove(dossier, "PROPOSE_APPROVE");
    driver.signAll(dossier);

    var letter = documents.find(var(dossier, VAR_COURTESY_DOCUMENT)).orElseThrow();
    assertThat(letter.kind()).isEqualTo(DocumentKind.CONGRATULATION);
    assertThat(letter.state()).isEqualTo(DocumentState.SIGNED);
    assertThat(dossier).isWaitingAt(TASK_RETURN);
  }

  @Test
  void deathRegistrationComesWithACondolenceLetterNamingTheDeceased() {
    at(WEDNESDAY_MORNING);
    ProcessInstance dossier = driver.start("DEATH_REGISTRATION", CHECK_COMPLETE, Map.of("deceasedName", "Nguyễn Văn Bảy",
        "deceasedBirthYear", "1941", "deathDate", "20/11/2026"));
    appraiseAndApprove(dossier, "PROPOSE_APPROVE");
    driver.signAll(dossier);

    var letter = documents.find(var(dossier, VAR_COURTESY_DOCUMENT)).orElseThrow();
    assertThat(letter.kind()).isEqualTo(DocumentKind.CONDOLENCE);
    assertThat(letter.state()).isEqualTo(DocumentState.SIGNED);
  }

  @Test
  void deathRegistrationWithoutTheDeceasedsNameStillGetsItsResult() {
    at(WEDNESDAY_MORNING);
    // the start form requires the name; a start that bypasses it (no officer signed in) may still lack it
    ProcessInstance dossier = driver.start("DEATH_REGISTRATION", CHECK_COMPLETE,
        java.util.Collections.singletonMap("deceasedName", null));
    appraiseAndApprove(dossier, "PROPOSE_APPROVE");
    driver.signAll(dossier);

    assertThat(dossier).isWaitingAt(TASK_RETURN);
    assertThat(runtime.getVariable(dossier.getId(), VAR_COURTESY_DOCUMENT)).isNull();
  }

  @Test
  void supplementStopsTheClockAndRestartsItFromZero() {
    at(WEDNESDAY_MORNING);
    ProcessInstance dossier = start("LAND_TRANSFER_REGISTRATION", CHECK_INCOMPLETE);
    driver.signAll(dossier);
    assertThat(dossier).isWaitingAt(TASK_RECEIVE_SUPPLEMENT);
    assertThat(runtime.getVariable(dossier.getId(), VAR_APPOINTMENT_AT)).isNull();
    assertThat(dossiers.find(driver.code(dossier)).orElseThrow().state()).isEqualTo(DossierState.WAITING_SUPPLEMENT);

    // the citizen comes back on Monday 30/11/2026: eight working days count from then
    at(OffsetDateTime.parse("2026-11-30T10:00:00+07:00").toInstant());
    complete(task(dossier), withVariables(VAR_CHECK_RESULT, CHECK_COMPLETE));

    assertThat(dossier).isWaitingAt(TASK_APPRAISE);
    assertThat(driver.appointment(dossier)).isEqualTo(OffsetDateTime.parse("2026-12-10T17:00:00+07:00").toInstant());
    assertThat(dossiers.events(driver.code(dossier))).extracting(DossierEvent::type).containsSubsequence(
        "SUPPLEMENT_REQUESTED", "SUPPLEMENTED", "RECEIPT_ISSUED");
  }

  @Test
  void dossierNotSupplementedWithinFifteenWorkingDaysIsClosed() {
    at(WEDNESDAY_MORNING);
    ProcessInstance dossier = start("CERTIFIED_COPY", CHECK_INCOMPLETE);
    driver.signAll(dossier);
    Date due = (Date) runtime.getVariable(dossier.getId(), VAR_SUPPLEMENT_DUE_AT);
    // 15 working days after Wed 25/11/2026: Wednesday 16/12/2026, end of office hours
    assertThat(due.toInstant()).isEqualTo(OffsetDateTime.parse("2026-12-16T17:00:00+07:00").toInstant());

    at(due.toInstant().plusSeconds(60));
    driver.fire(dossier, TIMER_SUPPLEMENT_OVERDUE);

    assertThat(dossier).isEnded().hasPassed(END_CLOSED);
    assertThat(dossiers.find(driver.code(dossier)).orElseThrow().state()).isEqualTo(DossierState.CLOSED);
    assertThat(messages(dossier)).containsExactlyInAnyOrder("SMS SUPPLEMENT_REQUEST", "EMAIL SUPPLEMENT_REQUEST",
        "SMS CLOSED_NO_SUPPLEMENT", "EMAIL CLOSED_NO_SUPPLEMENT");
  }

  @Test
  void dossierRefusedAtTheCounterGetsASignedRefusal() {
    at(WEDNESDAY_MORNING);
    ProcessInstance dossier = start("CERTIFIED_COPY", CHECK_NOT_ACCEPTED);
    driver.signAll(dossier);

    assertThat(dossier).isEnded().hasPassed(END_REFUSED);
    var refusal = documents.find(var(dossier, VAR_REFUSAL_DOCUMENT)).orElseThrow();
    assertThat(refusal.kind()).isEqualTo(DocumentKind.REFUSAL);
    assertThat(refusal.state()).isEqualTo(DocumentState.SIGNED);
    assertThat(dossiers.find(driver.code(dossier)).orElseThrow().state()).isEqualTo(DossierState.REFUSED);
  }

  @Test
  void leaderRefusesAfterTheSpecialistProposesRefusal() {
    at(WEDNESDAY_MORNING);
    ProcessInstance dossier = start("CERTIFIED_COPY", CHECK_COMPLETE);
    complete(task(dossier), withVariables(VAR_APPRAISAL_RESULT, "PROPOSE_REFUSE", VAR_APPRAISAL_OPINION, "Bản chính bị tẩy xóa"));
    approve(dossier, "REFUSE", Map.of(VAR_REFUSAL_REASONS, "Bản chính bị tẩy xóa, sửa chữa"));
    driver.signAll(dossier);

    assertThat(dossier).isEnded().hasPassed(END_REFUSED);
    assertThat(dossiers.find(driver.code(dossier)).orElseThrow().state()).isEqualTo(DossierState.REFUSED);
  }

  @Test
  void leaderReturnsTheDossierToTheSpecialist() {
    at(WEDNESDAY_MORNING);
    ProcessInstance dossier = start("CERTIFIED_COPY", CHECK_COMPLETE);
    complete(task(dossier), withVariables(VAR_APPRAISAL_RESULT, "PROPOSE_APPROVE", VAR_APPRAISAL_OPINION, "Hợp lệ"));
    approve(dossier, "RETURN", Map.of());
    assertThat(dossier).isWaitingAt(TASK_APPRAISE);
  }

  @Test
  void appraisalCanSendTheDossierBackForSupplement() {
    at(WEDNESDAY_MORNING);
    ProcessInstance dossier = start("LAND_TRANSFER_REGISTRATION", CHECK_COMPLETE);
    complete(task(dossier), withVariables(VAR_APPRAISAL_RESULT, "NEED_SUPPLEMENT",
        VAR_APPRAISAL_OPINION, "Thiếu bản đồ", VAR_MISSING_ITEMS, "Trích lục bản đồ địa chính"));
    driver.signAll(dossier);
    assertThat(dossier).isWaitingAt(TASK_RECEIVE_SUPPLEMENT);
    assertThat(dossiers.find(driver.code(dossier)).orElseThrow().state()).isEqualTo(DossierState.WAITING_SUPPLEMENT);
  }

  @Test
  void stepThatOverrunsItsBudgetIsEscalatedToTheLeader() {
    at(WEDNESDAY_MORNING);
    ProcessInstance dossier = start("LAND_TRANSFER_REGISTRATION", CHECK_COMPLETE);
    Date due = tasks.createTaskQuery().processInstanceId(dossier.getId()).taskDefinitionKey(TASK_APPRAISE)
        .singleResult().getDueDate();
    at(due.toInstant().plusSeconds(60));
    driver.fire(dossier, TIMER_APPRAISAL_OVERDUE);

    // the escalation ladder is called with the step's id (DossierEscalationProcessTest follows its rungs)
    assertThat(runtime.createProcessInstanceQuery().superProcessInstanceId(dossier.getId())
        .processDefinitionKey(vn.danvan.escalation.EscalationLadder.KEY).count()).isOne();
    assertThat(tasks.createTaskQuery().processInstanceId(dossier.getId()).taskDefinitionKey(TASK_APPRAISE).count()).isOne();
    assertThat(dossiers.events(driver.code(dossier))).extracting(DossierEvent::type).contains("STEP_OVERDUE");
  }

  @Test
  void apologyMovesTheAppointmentOnceAndASecondIsRefused() {
    at(WEDNESDAY_MORNING);
    ProcessInstance dossier = start("LAND_TRANSFER_REGISTRATION", CHECK_COMPLETE);
    Instant first = driver.appointment(dossier);
    at(((Date) runtime.getVariable(dossier.getId(), VAR_APOLOGY_DUE_AT)).toInstant().plusSeconds(60));
    driver.fire(dossier, TIMER_APOLOGY_DUE);

    Task apology = tasks.createTaskQuery().processInstanceId(dossier.getId()).taskDefinitionKey(TASK_ISSUE_APOLOGY).singleResult();
    assertThat(apology).isNotNull();
    tasks.claim(apology.getId(), "dongha.chairman");
    tasks.complete(apology.getId(), withVariables(VAR_APOLOGY_REASON, "Chờ kết quả xác minh của cơ quan thuế",
        VAR_NEW_APPOINTMENT, "2026-12-14T17:00"));
    driver.signAll(dossier);

    Instant moved = OffsetDateTime.parse("2026-12-14T17:00:00+07:00").toInstant();
    assertThat(driver.appointment(dossier)).isEqualTo(moved).isAfter(first);
    assertThat(documents.find(var(dossier, VAR_APOLOGY_DOCUMENT)).orElseThrow().kind()).isEqualTo(DocumentKind.APOLOGY);
    assertThat(dossiers.find(driver.code(dossier)).orElseThrow().appointmentMoved()).isTrue();
    assertThat(messages(dossier)).contains("SMS APOLOGY", "EMAIL APOLOGY");

    assertThatThrownBy(() -> dossiers.issueApology(driver.code(dossier), "Lần hai", moved.plusSeconds(86_400), "dongha.chairman"))
        .isInstanceOf(ApologyRefusedException.class);
    assertThat(dossiers.events(driver.code(dossier))).extracting(DossierEvent::type)
        .containsSubsequence("APOLOGY_ISSUED", "APOLOGY_REFUSED");
    assertThat(driver.appointment(dossier)).isEqualTo(moved);
  }

  @Test
  void apologyWithANewAppointmentNotAfterTheOldOneIsRefusedAndTheTaskStays() {
    at(WEDNESDAY_MORNING);
    ProcessInstance dossier = start("LAND_TRANSFER_REGISTRATION", CHECK_COMPLETE);
    at(((Date) runtime.getVariable(dossier.getId(), VAR_APOLOGY_DUE_AT)).toInstant().plusSeconds(60));
    driver.fire(dossier, TIMER_APOLOGY_DUE);
    Task apology = tasks.createTaskQuery().processInstanceId(dossier.getId()).taskDefinitionKey(TASK_ISSUE_APOLOGY).singleResult();
    tasks.claim(apology.getId(), "dongha.chairman");

    assertThatThrownBy(() -> tasks.complete(apology.getId(), withVariables(VAR_APOLOGY_REASON, "Chờ xác minh",
        VAR_NEW_APPOINTMENT, "2026-11-30T17:00")))
        .hasMessageContaining("newAppointmentAt");

    assertThat(tasks.createTaskQuery().taskId(apology.getId()).count()).isOne();
    assertThat(dossiers.find(driver.code(dossier)).orElseThrow().appointmentMoved()).isFalse();
    assertThat(runtime.getVariable(dossier.getId(), VAR_APOLOGY_ISSUED)).isEqualTo(false);
  }

  @Test
  void unknownProcedureIsRefusedAndNothingIsWritten() {
    at(WEDNESDAY_MORNING);
    Integer before = jdbc.queryForObject("SELECT COUNT(*) FROM dv_dossier", Integer.class);
    assertThatThrownBy(() -> start("PASSPORT_ISSUANCE", CHECK_COMPLETE)).hasMessageContaining("procedureCode");
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM dv_dossier", Integer.class)).isEqualTo(before);
    assertThat(runtime.createProcessInstanceQuery().processDefinitionKey(KEY)
        .variableValueEquals(VAR_PROCEDURE_CODE, "PASSPORT_ISSUANCE").count()).isZero();
  }

  @Test
  void apologyTimerAfterASupplementDoesNotAskForASecondApology() {
    at(WEDNESDAY_MORNING);
    ProcessInstance dossier = start("LAND_TRANSFER_REGISTRATION", CHECK_COMPLETE);
    runtime.setVariable(dossier.getId(), VAR_APOLOGY_ISSUED, true);
    at(((Date) runtime.getVariable(dossier.getId(), VAR_APOLOGY_DUE_AT)).toInstant().plusSeconds(60));
    driver.fire(dossier, TIMER_APOLOGY_DUE);

    assertThat(tasks.createTaskQuery().processInstanceId(dossier.getId()).taskDefinitionKey(TASK_ISSUE_APOLOGY).count()).isZero();
    assertThat(management.createJobQuery().processInstanceId(dossier.getId()).activityId(TIMER_APPOINTMENT).count()).isOne();
  }

  @Test
  void dossierStillOpenAtTheAppointmentGoesToTheChairmanAndEndsLate() {
    at(WEDNESDAY_MORNING);
    ProcessInstance dossier = start("CERTIFIED_COPY", CHECK_COMPLETE);
    runtime.setVariable(dossier.getId(), VAR_APOLOGY_ISSUED, true);
    driver.fire(dossier, TIMER_APOLOGY_DUE);
    at(driver.appointment(dossier).plusSeconds(60));
    driver.fire(dossier, TIMER_APPOINTMENT);

    Task late = tasks.createTaskQuery().processInstanceId(dossier.getId()).taskDefinitionKey(TASK_ESCALATE_LATE).singleResult();
    assertThat(late.getAssignee()).isEqualTo("dongha.chairman");

    // the result is signed the next morning
    at(OffsetDateTime.parse("2026-11-26T08:30:00+07:00").toInstant());
    appraiseAndApprove(dossier, "PROPOSE_APPROVE");
    driver.signAll(dossier);
    assertThat(tasks.createTaskQuery().processInstanceId(dossier.getId()).taskDefinitionKey(TASK_ESCALATE_LATE).count())
        .as("the result ends the watch over the appointment").isZero();
    complete(task(dossier), withVariables("resultHandedOver", true));

    assertThat(dossier).isEnded().variables().containsEntry(VAR_OUTCOME, "LATE");
    assertThat(dossiers.events(driver.code(dossier))).extracting(DossierEvent::type).contains("APPOINTMENT_PASSED");
  }

  @Test
  void citizenWithdrawsDuringHandling() {
    at(WEDNESDAY_MORNING);
    ProcessInstance dossier = start("LAND_TRANSFER_REGISTRATION", CHECK_COMPLETE);
    runtime.createMessageCorrelation(MESSAGE_WITHDRAWN).processInstanceBusinessKey(driver.code(dossier))
        .setVariable(VAR_WITHDRAWAL_REASON, "Công dân không còn nhu cầu").correlate();

    assertThat(dossier).isEnded().hasPassed(END_WITHDRAWN);
    assertThat(documents.find(var(dossier, "stopDocumentId")).orElseThrow().kind()).isEqualTo(DocumentKind.STOP_NOTICE);
    assertThat(dossiers.find(driver.code(dossier)).orElseThrow().state()).isEqualTo(DossierState.WITHDRAWN);
  }

  @Test
  void caseBelongsToTheUnitItWasStartedFor() {
    at(WEDNESDAY_MORNING);
    ProcessInstance dossier = start("CERTIFIED_COPY", CHECK_COMPLETE);
    assertThat(dossier.getTenantId()).isEqualTo("dongha");
    assertThat(driver.code(dossier)).matches("000\\.00\\.31\\.H48-261125-\\d{4}");
  }

  @Test
  void theAppraiserCanNeitherApproveNorSignTheDossier() {
    at(WEDNESDAY_MORNING);
    String deputy = specialistWhoIsAlsoLeader();
    ProcessInstance dossier = start("LAND_TRANSFER_REGISTRATION", CHECK_COMPLETE);
    Task appraisal = task(TASK_APPRAISE, dossier);
    tasks.claim(appraisal.getId(), deputy);
    tasks.complete(appraisal.getId(), Map.of(VAR_APPRAISAL_RESULT, "PROPOSE_APPROVE", VAR_APPRAISAL_OPINION, "Hợp lệ"));

    Task approval = task(TASK_APPROVE, dossier);
    assertThatThrownBy(() -> tasks.claim(approval.getId(), deputy)).isInstanceOf(vn.danvan.duty.TaskRefusedException.class)
        .hasMessageStartingWith("userId:").hasMessageContaining("separation of duties");
    assertThatThrownBy(() -> tasks.setAssignee(approval.getId(), deputy)).isInstanceOf(vn.danvan.duty.TaskRefusedException.class);
    // nor by completing it unclaimed, as a leader of the unit may
    identity.setAuthentication(deputy, java.util.List.of("specialist", "leader"), java.util.List.of("dongha"));
    try {
      assertThatThrownBy(() -> tasks.complete(approval.getId(), Map.of(VAR_APPROVAL_DECISION, "APPROVE")))
          .isInstanceOf(vn.danvan.duty.TaskRefusedException.class);
    } finally {
      identity.clearAuthentication();
    }
    assertThat(task(TASK_APPROVE, dossier).getAssignee()).isNull();
    assertThat(dossier).isWaitingAt(TASK_APPROVE);

    approve(dossier, "APPROVE", Map.of());
    // the signing step signs as the approver; a signer who appraised is refused there too, and the
    // job that draws up and signs the result rolls back whole: no result is left unsigned
    runtime.setVariable(dossier.getId(), VAR_APPROVED_BY, deputy);
    Job signing = management.createJobQuery().processInstanceId(dossier.getId()).activityId(TASK_PREPARE_RESULT).singleResult();
    assertThatThrownBy(() -> management.executeJob(signing.getId())).hasStackTraceContaining("separation of duties");
    assertThat(documents.findByCase(driver.code(dossier))).extracting(d -> d.kind()).containsExactly(DocumentKind.RECEIPT);

    runtime.setVariable(dossier.getId(), VAR_APPROVED_BY, "dongha.chairman");
    driver.signAll(dossier);
    assertThat(dossier).isWaitingAt(TASK_RETURN);
  }

  @Test
  void theApprovalReturnsBeforeTheResultIsDrawnUpAndAFailingJobLeavesNoNumberBehindThenRetriesAndRaisesAnIncident() {
    at(WEDNESDAY_MORNING);
    ProcessInstance dossier = start("CERTIFIED_COPY", CHECK_COMPLETE);
    String code = driver.code(dossier);
    complete(task(TASK_APPRAISE, dossier), withVariables(VAR_APPRAISAL_RESULT, "PROPOSE_APPROVE", VAR_APPRAISAL_OPINION, "Hợp lệ"));
    approve(dossier, "APPROVE", Map.of());

    // the leader's approval is done: the result waits for the job, nothing was rendered or numbered in it
    Job job = management.createJobQuery().processInstanceId(dossier.getId()).activityId(TASK_PREPARE_RESULT).singleResult();
    assertThat(job).isNotNull();
    assertThat(job.getRetries()).isEqualTo(3);
    assertThat(documents.findByCase(code)).extracting(d -> d.kind()).containsExactly(DocumentKind.RECEIPT);
    assertThat(runtime.getVariable(dossier.getId(), VAR_RESULT_DOCUMENT)).isNull();
    assertThat(runtime.getVariable(dossier.getId(), VAR_APPROVED_AT)).isEqualTo(Date.from(WEDNESDAY_MORNING));

    // the job fails (here: the signer was changed to one who cannot sign): each failure rolls back
    // the number, the PDF and the signature; after the last retry the dossier has an incident
    Map<String, Integer> numbersBefore = lastNumbers();
    runtime.setVariable(dossier.getId(), VAR_APPROVED_BY, "dongha.officer");
    for (int attempt = 3; attempt > 0; attempt--) {
      assertThatThrownBy(() -> management.executeJob(job.getId())).hasStackTraceContaining("holds no position");
      assertThat(management.createJobQuery().jobId(job.getId()).singleResult().getRetries()).isEqualTo(attempt - 1);
      assertThat(documents.findByCase(code)).extracting(d -> d.kind()).containsExactly(DocumentKind.RECEIPT);
      assertThat(lastNumbers()).isEqualTo(numbersBefore);
    }
    assertThat(runtime.createIncidentQuery().processInstanceId(dossier.getId()).activityId(TASK_PREPARE_RESULT).count())
        .isEqualTo(1);
    assertThat(dossier).isWaitingAt(TASK_PREPARE_RESULT);

    // an operator fixes the cause and retries (Cockpit's "increment retries"): the result takes the
    // next number, with no gap, and is signed; the incident is resolved; the result states the approval's time
    runtime.setVariable(dossier.getId(), VAR_APPROVED_BY, "dongha.chairman");
    at(WEDNESDAY_MORNING.plusSeconds(3600));
    management.setJobRetries(job.getId(), 1);
    driver.signAll(dossier);
    assertThat(dossier).isWaitingAt(TASK_RETURN);
    assertThat(runtime.createIncidentQuery().processInstanceId(dossier.getId()).count()).isZero();
    var result = documents.find(var(dossier, VAR_RESULT_DOCUMENT)).orElseThrow();
    assertThat(result.state()).isEqualTo(DocumentState.SIGNED);
    assertThat(result.number()).isEqualTo(numbersBefore.getOrDefault(result.register(), 0) + 1);
    assertThat(documents.findByCase(code)).extracting(d -> d.kind()).containsExactlyInAnyOrder(DocumentKind.RECEIPT,
        result.kind());
  }

  /** The highest number taken in each register of unit dongha this year. */
  private Map<String, Integer> lastNumbers() {
    Map<String, Integer> numbers = new HashMap<>();
    jdbc.query("select register_code, max(doc_number) from dv_document where unit = 'dongha' and doc_year = 2026"
        + " group by register_code", row -> {
          numbers.put(row.getString(1), row.getInt(2));
        });
    return numbers;
  }

  @Test
  void aProcedureWithoutSeparationLetsTheAppraiserApprove() {
    at(WEDNESDAY_MORNING);
    String deputy = specialistWhoIsAlsoLeader();
    ProcessInstance dossier = start("CERTIFIED_COPY", CHECK_COMPLETE); // separateDuties = false in the catalogue
    Task appraisal = task(TASK_APPRAISE, dossier);
    tasks.claim(appraisal.getId(), deputy);
    tasks.complete(appraisal.getId(), Map.of(VAR_APPRAISAL_RESULT, "PROPOSE_APPROVE", VAR_APPRAISAL_OPINION, "Hợp lệ"));

    Task approval = task(TASK_APPROVE, dossier);
    tasks.claim(approval.getId(), deputy);
    tasks.complete(approval.getId(), Map.of(VAR_APPROVAL_DECISION, "APPROVE"));
    driver.signAll(dossier);
    assertThat(runtime.getVariable(dossier.getId(), VAR_APPROVED_BY)).isEqualTo(deputy);
    assertThat(dossier).isWaitingAt(TASK_RETURN);
  }

  @Test
  void tasksGoOnlyToOfficialsOfTheUnitInTheTasksRole() {
    at(WEDNESDAY_MORNING);
    ProcessInstance dossier = start("CERTIFIED_COPY", CHECK_COMPLETE);
    Task appraisal = task(TASK_APPRAISE, dossier);
    for (String user : java.util.List.of("camlo.specialist", "dongha.mobilizer", "nobody")) {
      assertThatThrownBy(() -> tasks.setAssignee(appraisal.getId(), user)).isInstanceOf(vn.danvan.duty.TaskRefusedException.class)
          .hasMessageStartingWith("userId:");
    }
    assertThatThrownBy(() -> tasks.addCandidateGroup(appraisal.getId(), "mobilization-team"))
        .isInstanceOf(vn.danvan.duty.TaskRefusedException.class).hasMessageStartingWith("groupId:");
    assertThat(task(TASK_APPRAISE, dossier).getAssignee()).isNull();
    tasks.setAssignee(appraisal.getId(), "dongha.specialist");
    assertThat(task(TASK_APPRAISE, dossier).getAssignee()).isEqualTo("dongha.specialist");
  }

  /** A small commune's official who holds both roles: the case separation of duties is about. */
  private String specialistWhoIsAlsoLeader() {
    String id = "dongha.deputy";
    if (identity.createUserQuery().userId(id).count() == 0) {
      var user = identity.newUser(id);
      user.setFirstName("Nguyễn Văn");
      user.setLastName("Phó");
      user.setPassword("demo");
      identity.saveUser(user);
      identity.createMembership(id, "specialist");
      identity.createMembership(id, "leader");
      identity.createTenantUserMembership("dongha", id);
    }
    if (officials.position("dongha", id).isEmpty()) {
      // only a holder of a post signs for the committee: the deputy is one of the unit's vice-chairmen
      var unit = officials.profile("dongha").orElseThrow().asChange();
      var vices = new java.util.ArrayList<>(unit.viceChairmen());
      vices.add(new vn.danvan.identity.UnitChange.Appointment(id, "Phó Chủ tịch UBND phường"));
      officials.replace("dongha", unit.withViceChairmen(vices), "test");
    }
    return id;
  }

  // ------------------------------------------------------------------ helpers

  private ProcessInstance start(String procedure, String checkResult) {
    return driver.start(procedure, checkResult, Map.of());
  }

  private void appraiseAndApprove(ProcessInstance dossier, String proposal) {
    complete(task(TASK_APPRAISE, dossier), withVariables(VAR_APPRAISAL_RESULT, proposal, VAR_APPRAISAL_OPINION, "Hồ sơ hợp lệ"));
    approve(dossier, "APPROVE", Map.of());
  }

  private void approve(ProcessInstance dossier, String decision, Map<String, Object> extra) {
    Task approval = tasks.createTaskQuery().processInstanceId(dossier.getId()).taskDefinitionKey(TASK_APPROVE).singleResult();
    tasks.claim(approval.getId(), "dongha.chairman");
    Map<String, Object> variables = new HashMap<>(extra);
    variables.put(VAR_APPROVAL_DECISION, decision);
    tasks.complete(approval.getId(), variables);
  }

  /** Channel and kind of the messages queued for the dossier, in order. */
  private java.util.List<String> messages(ProcessInstance dossier) {
    return jdbc.queryForList("SELECT channel || ' ' || kind FROM dv_notification WHERE case_ref = ? ORDER BY created_at",
        String.class, driver.code(dossier));
  }

  private String var(ProcessInstance dossier, String name) {
    return (String) driver.historyVariable(dossier, name);
  }

  private static void at(Instant instant) {
    ClockUtil.setCurrentTime(Date.from(instant));
  }
}
