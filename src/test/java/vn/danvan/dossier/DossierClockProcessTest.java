package vn.danvan.dossier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;
import static vn.danvan.dossier.DossierProcess.*;
import static vn.danvan.dossier.DossierProcessDriver.at;
import static vn.danvan.dossier.DossierProcessDriver.local;

import java.io.InputStream;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
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
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import vn.danvan.sla.CaseClock;
import vn.danvan.sla.CaseClockState;
import vn.danvan.sla.ClockChange;
import vn.danvan.sla.ClockState;
import vn.danvan.sla.ResumeMode;
import vn.danvan.trail.CaseEvent;
import vn.danvan.trail.CaseTrail;

/**
 * {@code dossierApproval} on the case clock: the receipt starts it, a supplement asked during the
 * appraisal pauses it, the completed dossier restarts it from zero (the timers are due from the
 * completion, not from the first receipt), the apology extends it once; each change is in the clock
 * table and the case trail with its actor and the rule's version, also across a catalogue change.
 * Expected dates are computed by hand on the bundled calendar (Tết 16–20/2/2026; weekends) and office
 * hours 07:30–11:30, 13:00–17:00. Same configuration as {@link DossierDeadlinesProcessTest}: one
 * Spring context.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.MOCK, properties = {
    "spring.datasource.url=jdbc:h2:mem:dossier-process;DB_CLOSE_ON_EXIT=FALSE",
    "camunda.bpm.job-execution.enabled=false",
    "danvan.signing.keystore-dir=target/demo-signing"})
@ActiveProfiles("demo")
class DossierClockProcessTest {

  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired ManagementService management;
  @Autowired RepositoryService repository;
  @Autowired HistoryService history;
  @Autowired DossierService dossiers;
  @Autowired CaseClock clock;
  @Autowired CaseTrail trail;
  @Autowired org.springframework.jdbc.core.JdbcTemplate jdbc;
  DossierProcessDriver driver;

  @BeforeEach
  void driveDossiers() {
    driver = new DossierProcessDriver(runtime, management, history);
  }

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @Test
  void aSupplementDuringTheAppraisalRestartsTheClockFromTheCompletionAcrossTet() {
    // Tue 10/2/2026 09:00, LAND_TRANSFER_REGISTRATION: 8 working days, appraise 5 working days.
    at("2026-02-10T09:00");
    ProcessInstance dossier = driver.start("LAND_TRANSFER_REGISTRATION", CHECK_COMPLETE, Map.of());
    String code = driver.code(dossier);
    // 11, 12, 13/2 (3), Tết 16–20/2, 23, 24, 25, 26, 27/2 (8) → Fri 27/2 17:00
    assertThat(driver.appointment(dossier)).isEqualTo(local("2026-02-27T17:00"));
    assertThat(jobDue(dossier, TIMER_APPRAISAL_OVERDUE)).isEqualTo(local("2026-02-24T17:00"));

    // Thu 12/2 10:00: the specialist finds a missing map; the clock pauses
    at("2026-02-12T10:00");
    complete(task(dossier, TASK_APPRAISE), withVariables(VAR_APPRAISAL_RESULT, "NEED_SUPPLEMENT",
        VAR_APPRAISAL_OPINION, "Thiếu bản đồ", VAR_MISSING_ITEMS, "Trích lục bản đồ địa chính"));
    assertThat(clock.find(code).orElseThrow().state()).isEqualTo(ClockState.PAUSED);

    // Mon 23/2 10:15, after Tết: the dossier is complete; 8 working days from zero:
    // 24, 25, 26, 27/2, 2, 3, 4, 5/3 → Thu 5/3 17:00 (not Fri 27/2 of the first receipt)
    at("2026-02-23T10:15");
    driver.signAll(dossier); // the supplement request is signed before it goes out
    complete(task(dossier, TASK_RECEIVE_SUPPLEMENT), withVariables(VAR_CHECK_RESULT, CHECK_COMPLETE));
    assertThat(driver.appointment(dossier)).isEqualTo(local("2026-03-05T17:00"));
    // appraisal 5 working days from Mon 23/2 10:15: 24, 25, 26, 27/2, 2/3 → Mon 2/3 17:00
    assertThat(jobDue(dossier, TIMER_APPRAISAL_OVERDUE)).isEqualTo(local("2026-03-02T17:00"));
    assertThat(task(dossier, TASK_APPRAISE).getDueDate().toInstant()).isEqualTo(local("2026-03-02T17:00"));
    // the apology: opening of the last working day before Thu 5/3 → Wed 4/3 07:30
    assertThat(jobDue(dossier, TIMER_APOLOGY_DUE)).isEqualTo(local("2026-03-04T07:30"));

    // Wed 4/3 07:31: the apology moves the appointment to Tue 10/3 17:00 — the clock's one extension
    at("2026-03-04T07:31");
    driver.fire(dossier, TIMER_APOLOGY_DUE);
    Task apology = task(dossier, TASK_ISSUE_APOLOGY);
    tasks.claim(apology.getId(), "dongha.chairman");
    tasks.complete(apology.getId(), withVariables(VAR_APOLOGY_REASON, "Chờ kết quả đo đạc",
        VAR_NEW_APPOINTMENT, "2026-03-10T17:00"));
    driver.signAll(dossier); // the apology letter is signed before it goes out
    assertThat(jobDue(dossier, TIMER_APPOINTMENT)).isEqualTo(local("2026-03-10T17:00"));

    CaseClockState state = clock.find(code).orElseThrow();
    assertThat(state.state()).isEqualTo(ClockState.RUNNING);
    assertThat(state.deadlineAt()).isEqualTo(local("2026-03-10T17:00"));
    assertThat(state.extensionsUsed()).isOne();
    assertThat(state.rule().resumeMode()).isEqualTo(ResumeMode.RESTART);
    assertThat(state.rule().version()).isEqualTo("2025-07-01");

    List<ClockChange> changes = clock.changes(code);
    assertThat(changes).extracting(ClockChange::type, ClockChange::actor, ClockChange::occurredAt,
        ClockChange::ruleVersion, ClockChange::deadlineAfter).containsExactly(
            tuple(CaseClock.STARTED, "dongha.officer", local("2026-02-10T09:00"), "2025-07-01", local("2026-02-27T17:00")),
            tuple(CaseClock.PAUSED, "dongha.officer", local("2026-02-12T10:00"), "2025-07-01", local("2026-02-27T17:00")),
            tuple(CaseClock.RESUMED, "dongha.officer", local("2026-02-23T10:15"), "2025-07-01", local("2026-03-05T17:00")),
            tuple(CaseClock.EXTENDED, "dongha.chairman", local("2026-03-04T07:31"), "2025-07-01", local("2026-03-10T17:00")));
    assertThat(changes.get(3).reason()).isEqualTo("Chờ kết quả đo đạc");
    assertThat(changes.get(3).deadlineBefore()).isEqualTo(local("2026-03-05T17:00"));

    assertThat(clockEvents(code)).extracting(CaseEvent::type, CaseEvent::actor, CaseEvent::ruleVersion, CaseEvent::details)
        .containsExactly(
            tuple(CaseClock.STARTED, "dongha.officer", "2025-07-01",
                "Thời hạn giải quyết: 8 ngày làm việc, tính từ 9 giờ 00, ngày 10/2/2026 đến 17 giờ 00, ngày 27/2/2026"),
            tuple(CaseClock.PAUSED, "dongha.officer", "2025-07-01", "Yêu cầu bổ sung, hoàn thiện hồ sơ. Thời hạn đang là"
                + " 17 giờ 00, ngày 27/2/2026; khi tiếp tục, thời hạn được tính lại từ đầu"),
            tuple(CaseClock.RESUMED, "dongha.officer", "2025-07-01", "Tính lại thời hạn từ đầu (8 ngày làm việc) từ"
                + " 10 giờ 15, ngày 23/2/2026: hạn mới 17 giờ 00, ngày 5/3/2026"),
            tuple(CaseClock.EXTENDED, "dongha.chairman", "2025-07-01", "Chờ kết quả đo đạc (căn cứ: Thư xin lỗi và hẹn"
                + " lại (Mẫu số 04)). Hạn mới: 17 giờ 00, ngày 10/3/2026, hạn trước: 17 giờ 00, ngày 5/3/2026"
                + " (gia hạn lần 1/1)"));
    // the dossier's own trail reads the clock's entries too
    assertThat(dossiers.events(code)).extracting(DossierEvent::type).containsSubsequence("CLOCK_STARTED",
        "SUPPLEMENT_REQUESTED", "CLOCK_PAUSED", "SUPPLEMENTED",
        "CLOCK_RESUMED", "RECEIPT_ISSUED", "DEADLINE_EXTENDED",
        "APOLOGY_ISSUED");

    // a second apology is refused by the clock's limit, and nothing changes
    assertThatThrownBy(() -> dossiers.issueApology(code, "Lần hai", local("2026-03-20T17:00"), "dongha.chairman"))
        .isInstanceOf(ApologyRefusedException.class);
    assertThat(clock.find(code).orElseThrow().deadlineAt()).isEqualTo(local("2026-03-10T17:00"));
    assertThat(clock.changes(code)).hasSize(4);
  }

  @Test
  void aSupplementAskedAtTheCounterStartsTheClockOnlyWhenTheDossierIsComplete() {
    at("2026-11-25T09:00");
    ProcessInstance dossier = driver.start("LAND_TRANSFER_REGISTRATION", CHECK_INCOMPLETE, Map.of());
    String code = driver.code(dossier);
    assertThat(clock.find(code)).as("no clock before the dossier is complete").isEmpty();

    at("2026-11-30T10:15");
    driver.signAll(dossier); // the supplement request is signed before it goes out
    complete(task(dossier, TASK_RECEIVE_SUPPLEMENT), withVariables(VAR_CHECK_RESULT, CHECK_COMPLETE));
    // 8 working days after Mon 30/11: 1, 2, 3, 4, 7, 8, 9, 10/12 → Thu 10/12 17:00
    assertThat(driver.appointment(dossier)).isEqualTo(local("2026-12-10T17:00"));
    assertThat(clock.changes(code)).extracting(ClockChange::type, ClockChange::occurredAt)
        .containsExactly(tuple(CaseClock.STARTED, local("2026-11-30T10:15")));
    assertThat(clock.find(code).orElseThrow().startedAt()).isEqualTo(local("2026-11-30T10:15"));
  }

  @Test
  void aDossierAcceptedBeforeARuleChangeAndSupplementedAfterItRestartsUnderTheOldRule() throws Exception {
    Deployment changed;
    try (InputStream in = getClass().getResourceAsStream("/dossier/catalogueChangingOn20260701.dmn")) {
      changed = repository.createDeployment().name("catalogue-changing-on-2026-07-01")
          .addInputStream("dossier/catalogueChangingOn20260701.dmn", in).deploy();
    }
    try {
      // Tue 30/6/2026 09:00, old row: 3 working days, appraise 1 → appointment Fri 3/7 17:00
      at("2026-06-30T09:00");
      ProcessInstance dossier = driver.start("BIRTH_REGISTRATION", CHECK_COMPLETE, Map.of());
      String code = driver.code(dossier);
      assertThat(driver.appointment(dossier)).isEqualTo(local("2026-07-03T17:00"));

      // Wed 1/7 08:00, the new row (5 working days, appraise 2) is in force; a supplement is asked
      at("2026-07-01T08:00");
      complete(task(dossier, TASK_APPRAISE), withVariables(VAR_APPRAISAL_RESULT, "NEED_SUPPLEMENT",
          VAR_APPRAISAL_OPINION, "Thiếu giấy chứng sinh", VAR_MISSING_ITEMS, "Giấy chứng sinh"));

      // Thu 2/7 10:00 complete: the old row restarts from zero: Fri 3, Mon 6, Tue 7/7 → Tue 7/7 17:00
      // (the new row would give Fri 3, Mon 6, Tue 7, Wed 8, Thu 9/7)
      at("2026-07-02T10:00");
      driver.signAll(dossier); // the supplement request is signed before it goes out
    complete(task(dossier, TASK_RECEIVE_SUPPLEMENT), withVariables(VAR_CHECK_RESULT, CHECK_COMPLETE));
      assertThat(driver.appointment(dossier)).isEqualTo(local("2026-07-07T17:00"));
      // old appraise budget 1 working day: Fri 3/7 17:00 (new: Mon 6/7)
      assertThat(jobDue(dossier, TIMER_APPRAISAL_OVERDUE)).isEqualTo(local("2026-07-03T17:00"));
      // apology: the opening of Mon 6/7, the last working day before Tue 7/7
      assertThat(jobDue(dossier, TIMER_APOLOGY_DUE)).isEqualTo(local("2026-07-06T07:30"));
      assertThat(clock.changes(code)).extracting(ClockChange::type, ClockChange::ruleVersion).containsExactly(
          tuple(CaseClock.STARTED, "2025-07-01"), tuple(CaseClock.PAUSED, "2025-07-01"),
          tuple(CaseClock.RESUMED, "2025-07-01"));
    } finally {
      repository.deleteDeployment(changed.getId(), true);
    }
  }

  @Test
  void theClockStopsWhenTheResultIsReady() {
    at("2026-11-25T09:00");
    ProcessInstance dossier = driver.start("CERTIFIED_COPY", CHECK_COMPLETE, Map.of());
    complete(task(dossier, TASK_APPRAISE), withVariables(VAR_APPRAISAL_RESULT, "PROPOSE_APPROVE", VAR_APPRAISAL_OPINION, "Hợp lệ"));
    Task approval = task(dossier, TASK_APPROVE);
    tasks.claim(approval.getId(), "dongha.chairman");
    tasks.complete(approval.getId(), Map.of(VAR_APPROVAL_DECISION, "APPROVE"));
    driver.signAll(dossier);

    CaseClockState state = clock.find(driver.code(dossier)).orElseThrow();
    assertThat(state.state()).isEqualTo(ClockState.STOPPED);
    assertThat(state.deadlineAt()).isEqualTo(local("2026-11-25T17:00"));
    assertThat(clock.changes(driver.code(dossier))).extracting(ClockChange::type)
        .containsExactly(CaseClock.STARTED, CaseClock.STOPPED);
  }

  @Test
  void aDossierInProgressBeforeTheClockExistedIsTakenOverWithItsAppointment() {
    // Wed 25/11/2026 09:00, LAND_TRANSFER_REGISTRATION: 26, 27, 30/11, 1, 2, 3, 4, 7/12 → Mon 7/12 17:00
    at("2026-11-25T09:00");
    ProcessInstance dossier = driver.start("LAND_TRANSFER_REGISTRATION", CHECK_COMPLETE, Map.of());
    String code = driver.code(dossier);
    // as a dossier received before the upgrade: a register appointment, no clock
    jdbc.update("DELETE FROM dv_case_clock_change WHERE case_key = ?", code);
    jdbc.update("DELETE FROM dv_case_clock WHERE case_key = ?", code);

    at("2026-12-03T09:00");
    dossiers.issueApology(code, "Chờ ý kiến cơ quan thuế", local("2026-12-10T17:00"), "dongha.chairman");
    assertThat(clock.changes(code)).extracting(ClockChange::type, ClockChange::actor, ClockChange::deadlineAfter)
        .containsExactly(tuple(CaseClock.STARTED, null, local("2026-12-07T17:00")),
            tuple(CaseClock.EXTENDED, "dongha.chairman", local("2026-12-10T17:00")));
    assertThat(clock.find(code).orElseThrow().rule().version()).isEqualTo("2025-07-01");
    assertThatThrownBy(() -> dossiers.issueApology(code, "Lần hai", local("2026-12-14T17:00"), "dongha.chairman"))
        .isInstanceOf(ApologyRefusedException.class);
  }

  private List<CaseEvent> clockEvents(String code) {
    return trail.events(code).stream().filter(e -> e.type().startsWith("CLOCK_") || e.type().startsWith("DEADLINE_"))
        .toList();
  }

  private Instant jobDue(ProcessInstance dossier, String timerActivity) {
    return driver.timer(dossier, timerActivity).getDuedate().toInstant();
  }

  private Task task(ProcessInstance dossier, String key) {
    return tasks.createTaskQuery().processInstanceId(dossier.getId()).taskDefinitionKey(key).singleResult();
  }
}
