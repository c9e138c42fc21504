package vn.danvan.dossier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Date;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/** The first increment of {@code dossierApproval}: receive, appraise, approve (or return), hand over. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.MOCK, properties = {
    "spring.datasource.url=jdbc:h2:mem:dossier-process;DB_CLOSE_ON_EXIT=FALSE",
    "camunda.bpm.job-execution.enabled=false"})
@ActiveProfiles("demo")
class DossierApprovalProcessTest {

  @Autowired RuntimeService runtimeService;

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @Test
  void approvedDossierIsReturnedToTheCitizen() {
    ProcessInstance dossier = start();
    assertThat(dossier).isWaitingAt("Task_AppraiseDossier");
    assertThat(task(dossier)).hasCandidateGroup("specialist");
    complete(task(dossier), withVariables("appraisalOpinion", "Hồ sơ hợp lệ"));

    assertThat(dossier).isWaitingAt("Task_ApproveResult");
    assertThat(task(dossier)).hasCandidateGroup("leader");
    complete(task(dossier), withVariables("approvalDecision", "APPROVE"));

    assertThat(dossier).isWaitingAt("Task_ReturnResult");
    assertThat(task(dossier)).hasCandidateGroup("one-stop-officer");
    complete(task(dossier), withVariables("resultHandedOver", true));

    assertThat(dossier).isEnded().hasPassedInOrder("Task_AppraiseDossier", "Task_ApproveResult",
        "Task_ReturnResult", "EndEvent_ResultReturned");
  }

  @Test
  void leaderReturnsDossierToSpecialist() {
    ProcessInstance dossier = start();
    complete(task(dossier), withVariables("appraisalOpinion", "Hồ sơ hợp lệ"));
    complete(task(dossier), withVariables("approvalDecision", "RETURN", "approvalNote", "Bổ sung ý kiến thẩm định"));

    assertThat(dossier).isWaitingAt("Task_AppraiseDossier");
    assertThat(task(dossier)).hasCandidateGroup("specialist");
  }

  @Test
  void caseBelongsToTheUnitItWasStartedFor() {
    ProcessInstance dossier = start();
    assertThat(dossier.getTenantId()).isEqualTo("dongha");
    assertThat(task(dossier).getTenantId()).isEqualTo("dongha");
  }

  @Test
  void stepIsDueAtTheEndOfTheNextWorkingDay() {
    // Friday 13/2/2026 10:00, the last working day before the Tết break (16–20/2/2026).
    ClockUtil.setCurrentTime(Date.from(OffsetDateTime.parse("2026-02-13T10:00:00+07:00").toInstant()));
    ProcessInstance dossier = start();
    Instant due = task(dossier).getDueDate().toInstant();
    assertThat(due).isEqualTo(OffsetDateTime.parse("2026-02-23T17:00:00+07:00").toInstant());
  }

  private ProcessInstance start() {
    return runtimeService.startProcessInstanceByKey("dossierApproval", withVariables(
        "unitCode", "dongha", "procedureCode", "CERTIFIED_COPY", "applicantName", "Nguyễn Văn An"));
  }
}
