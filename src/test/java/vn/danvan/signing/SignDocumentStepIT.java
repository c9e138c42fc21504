package vn.danvan.signing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.identity.Tenant;
import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.danvan.document.DocumentKind;
import vn.danvan.document.DocumentRequest;
import vn.danvan.document.DocumentService;
import vn.danvan.document.DocumentState;
import vn.danvan.document.SampleDocuments;
import vn.danvan.document.StoredDocument;
import vn.danvan.support.PostgresIntegrationTest;

/**
 * The signing step of a process ({@code ${signDocumentDelegate}}, asynchronous) on PostgreSQL:
 * it signs as leader and unit, never signs twice when re-run, and a failure becomes an incident
 * while the case waits at the step.
 */
@PostgresIntegrationTest
class SignDocumentStepIT {

  static final String PROCESS = "signingStepCheck";

  @Autowired RepositoryService repository;
  @Autowired RuntimeService runtime;
  @Autowired ManagementService management;
  @Autowired IdentityService identity;
  @Autowired DocumentService documents;
  @Autowired SignatureVerifier verifier;
  @Autowired JdbcTemplate jdbc;

  @BeforeAll
  static void deploy(@Autowired RepositoryService repository) {
    BpmnModelInstance model = Bpmn.createExecutableProcess(PROCESS).camundaHistoryTimeToLive(1)
        .startEvent()
        .serviceTask("Task_SignResult").name("Ký số kết quả").camundaAsyncBefore()
          .camundaDelegateExpression("${signDocumentDelegate}")
          .camundaInputParameter("documentVariable", "resultDocumentId")
          .camundaInputParameter("documentKind", "${expectedKind}")
          .camundaInputParameter("signerRole", "${signerRole}")
          .camundaInputParameter("signerUserVariable", "approvedBy")
          .camundaInputParameter("reason", "Phê duyệt kết quả giải quyết thủ tục hành chính")
        .userTask("Task_AfterSigning").camundaFormRef("return-result").camundaFormRefBinding("latest")
        .endEvent().done();
    repository.createDeployment().name("signing-step-test").addModelInstance(PROCESS + ".bpmn", model).deploy();
  }

  @Test
  void leaderSignsPersonallyThenTheUnitSeals() {
    StoredDocument document = newDocument("dongha");
    ProcessInstance instance = start("dongha", document.id(), "LEADER_AND_UNIT");
    management.executeJob(signingJob(instance).getId());

    StoredDocument signed = documents.find(document.id()).orElseThrow();
    assertThat(signed.state()).isEqualTo(DocumentState.SIGNED);
    assertThat(signed.numberLine()).isEqualTo(document.numberLine());
    VerificationReport report = verifier.verify(documents.content(document.id()).orElseThrow());
    assertThat(report.valid()).isTrue();
    assertThat(report.signatures()).extracting(SignatureReport::signer).containsExactly("Lê Văn Minh", "Phường Đông Hà");
    assertThat(report.signatures().get(1).location()).isEqualTo("Phường Đông Hà");
    assertThat(runtime.createProcessInstanceQuery().processInstanceId(instance.getId()).activityIdIn("Task_AfterSigning").count()).isOne();
  }

  @Test
  void rerunningTheStepNeitherSignsNorNumbersTwice() {
    StoredDocument document = newDocument("camlo");
    management.executeJob(signingJob(start("camlo", document.id(), "UNIT")).getId());
    byte[] once = documents.content(document.id()).orElseThrow();

    management.executeJob(signingJob(start("camlo", document.id(), "UNIT")).getId());

    assertThat(documents.content(document.id()).orElseThrow()).isEqualTo(once);
    assertThat(verifier.verify(once).signatures()).hasSize(1);
    assertThat(documents.find(document.id()).orElseThrow().number()).isEqualTo(document.number());
  }

  @Test
  void missingUnitKeyBecomesAnIncidentAndTheCaseWaits() {
    ensureUnitWithoutKey("keyless");
    StoredDocument document = newDocument("keyless");
    ProcessInstance instance = start("keyless", document.id(), "UNIT");

    Incident incident = failUntilIncident(instance);

    assertThat(incident.getIncidentMessage()).contains("keyless");
    assertThat(runtime.createProcessInstanceQuery().processInstanceId(instance.getId()).singleResult()).isNotNull();
    assertThat(documents.find(document.id()).orElseThrow().state()).isEqualTo(DocumentState.DRAFT);
  }

  @Test
  void corruptDocumentBecomesAnIncident() {
    StoredDocument document = newDocument("dongha");
    jdbc.update("UPDATE dv_document SET content = ? WHERE id = ?", "not a pdf at all".getBytes(), document.id());
    ProcessInstance instance = start("dongha", document.id(), "UNIT");

    failUntilIncident(instance);

    assertThat(documents.find(document.id()).orElseThrow().state()).isEqualTo(DocumentState.DRAFT);
  }

  @Test
  void documentOfAnotherKindThanExpectedIsNotSigned() {
    StoredDocument document = newDocument("dongha");
    ProcessInstance instance = start("dongha", document.id(), "UNIT", "APOLOGY");

    Incident incident = failUntilIncident(instance);

    assertThat(incident.getIncidentMessage()).contains("not a APOLOGY");
    assertThat(documents.find(document.id()).orElseThrow().state()).isEqualTo(DocumentState.DRAFT);
  }

  /** Runs the failing job as the job executor would, retry after retry (R3/PT5M), until the incident. */
  private Incident failUntilIncident(ProcessInstance instance) {
    for (int attempt = 1; attempt <= 3; attempt++) {
      Job job = signingJob(instance);
      assertThat(job.getRetries()).as("retries before attempt " + attempt).isPositive();
      try {
        management.executeJob(job.getId());
      } catch (RuntimeException expected) {
        // the step fails each time: the engine counts the retries down
      }
    }
    assertThat(signingJob(instance).getRetries()).isZero();
    return runtime.createIncidentQuery().processInstanceId(instance.getId()).singleResult();
  }

  private StoredDocument newDocument(String unit) {
    return documents.create(DocumentRequest.of(unit, "signing-step", DocumentKind.RESULT, SampleDocuments.allFields()));
  }

  private ProcessInstance start(String unit, String documentId, String role) {
    return start(unit, documentId, role, "RESULT");
  }

  private ProcessInstance start(String unit, String documentId, String role, String expectedKind) {
    return runtime.startProcessInstanceByKey(PROCESS, Map.of("unitCode", unit, "resultDocumentId", documentId,
        "signerRole", role, "approvedBy", unit + ".chairman", "expectedKind", expectedKind));
  }

  private Job signingJob(ProcessInstance instance) {
    return management.createJobQuery().processInstanceId(instance.getId()).singleResult();
  }

  private void ensureUnitWithoutKey(String unit) {
    if (identity.createTenantQuery().tenantId(unit).count() == 0) {
      Tenant tenant = identity.newTenant(unit);
      tenant.setName("Xã Không Khóa");
      identity.saveTenant(tenant);
    }
  }
}
