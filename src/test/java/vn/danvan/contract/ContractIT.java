package vn.danvan.contract;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Optional;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.danvan.support.Http;
import vn.danvan.support.ProcedureSamples;
import vn.danvan.support.RunningApplicationTest;

/**
 * The form and start contracts through the real REST mounts on PostgreSQL: what an official may
 * send when completing a task or starting a dossier, through {@code /engine-rest}, the webapps'
 * {@code /camunda/api/engine} (Tasklist's own API) and our {@code /api/dossiers}; refusals are 400
 * naming the field (or 403), nothing is written, the task stays open, no dossier number is used.
 */
class ContractIT extends RunningApplicationTest {

  static final String NAME = "Nguyễn Văn An";
  static final String APPRAISAL = "{\"variables\":{\"appraisalResult\":{\"value\":\"PROPOSE_APPROVE\"},"
      + "\"appraisalOpinion\":{\"value\":\"Hồ sơ hợp lệ\"}%s}}";

  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired JdbcTemplate jdbc;

  // ------------------------------------------------------------------ task completion

  @Test
  void specialistCannotRenameTheApplicantThroughComplete() {
    Case c = receive();
    String task = task(c, "Task_AppraiseDossier", "dongha.specialist");

    Http.Answer renamed = http.postJson("/engine-rest/task/" + task + "/complete", "dongha.specialist",
        APPRAISAL.formatted(",\"applicantName\":{\"value\":\"Kẻ Mạo Danh\"}"));
    assertThat(renamed.status()).as(renamed.body()).isEqualTo(400);
    assertThat(renamed.json().path("field").asText()).isEqualTo("applicantName");
    assertThat(renamed.json().path("type").asText()).isEqualTo("ContractViolation");
    assertOpenWithName(task, c);

    Http.Answer foreign = http.postJson("/engine-rest/task/" + task + "/complete", "dongha.specialist",
        APPRAISAL.formatted(",\"approvedBy\":{\"value\":\"dongha.chairman\"}"));
    assertThat(foreign.json().path("field").asText()).as(foreign.body()).isEqualTo("approvedBy");
    Http.Answer missing = http.postJson("/engine-rest/task/" + task + "/complete", "dongha.specialist",
        "{\"variables\":{\"appraisalResult\":{\"value\":\"PROPOSE_APPROVE\"}}}");
    assertThat(missing.json().path("field").asText()).as(missing.body()).isEqualTo("appraisalOpinion");
    Http.Answer hidden = http.postJson("/engine-rest/task/" + task + "/complete", "dongha.specialist",
        APPRAISAL.formatted(",\"missingItems\":{\"value\":\"Bản sao\"}"));
    assertThat(hidden.json().path("field").asText()).as(hidden.body()).isEqualTo("missingItems");
    Http.Answer typed = http.postJson("/engine-rest/task/" + task + "/complete", "dongha.specialist",
        APPRAISAL.formatted(",\"idNumber\":{\"value\":\"rO0AB\",\"type\":\"Object\"}"));
    assertThat(typed.json().path("field").asText()).as(typed.body()).isEqualTo("idNumber");
    assertOpenWithName(task, c);

    // read-only fields sent back unchanged, as Tasklist does, are fine; the process moves on
    Http.Answer done = http.postJson("/engine-rest/task/" + task + "/complete", "dongha.specialist",
        APPRAISAL.formatted(",\"applicantName\":{\"value\":\"" + NAME + "\"},\"dossierCode\":{\"value\":\""
            + c.code + "\"}"));
    assertThat(done.status()).as(done.body()).isEqualTo(204);
    assertThat(tasks.createTaskQuery().taskId(task).count()).isZero();
    assertThat(runtime.getVariable(c.instance, "applicantName")).isEqualTo(NAME);
  }

  @Test
  void specialistCannotRenameTheApplicantThroughTasklistsOwnApi() {
    Case c = receive();
    String task = task(c, "Task_AppraiseDossier", "dongha.specialist");
    Webapp tasklist = login("dongha.specialist");

    Http.Answer renamed = tasklist.post("/camunda/api/engine/engine/default/task/" + task + "/submit-form",
        APPRAISAL.formatted(",\"applicantName\":{\"value\":\"Kẻ Mạo Danh\"}"));
    assertThat(renamed.status()).as(renamed.body()).isEqualTo(400);
    assertThat(renamed.json().path("field").asText()).isEqualTo("applicantName");
    Http.Answer viaComplete = tasklist.post("/camunda/api/engine/engine/default/task/" + task + "/complete",
        APPRAISAL.formatted(",\"applicantName\":{\"value\":\"Kẻ Mạo Danh\"}"));
    assertThat(viaComplete.json().path("field").asText()).as(viaComplete.body()).isEqualTo("applicantName");
    assertOpenWithName(task, c);

    Http.Answer done = tasklist.post("/camunda/api/engine/engine/default/task/" + task + "/submit-form",
        APPRAISAL.formatted(",\"applicantName\":{\"value\":\"" + NAME + "\"}"));
    assertThat(done.status()).as(done.body()).isEqualTo(204);
    assertThat(tasks.createTaskQuery().processInstanceId(c.instance).taskDefinitionKey("Task_ApproveResult").count())
        .isEqualTo(1);
  }

  @Test
  void unknownDecisionValueIsA400AndTheTaskStaysOpen() {
    Case c = receive();
    String appraisal = task(c, "Task_AppraiseDossier", "dongha.specialist");
    assertThat(http.postJson("/engine-rest/task/" + appraisal + "/complete", "dongha.specialist",
        APPRAISAL.formatted("")).status()).isEqualTo(204);
    String approval = task(c, "Task_ApproveResult", "dongha.chairman");
    Http.Answer maybe = http.postJson("/engine-rest/task/" + approval + "/complete", "dongha.chairman",
        "{\"variables\":{\"approvalDecision\":{\"value\":\"MAYBE\"}}}");
    assertThat(maybe.status()).as(maybe.body()).isEqualTo(400);
    assertThat(maybe.json().path("field").asText()).isEqualTo("approvalDecision");
    assertThat(tasks.createTaskQuery().taskId(approval).count()).isEqualTo(1);
    assertThat(runtime.getVariable(c.instance, "approvalDecision")).isNull();
  }

  @Test
  void taskVariableWritesObeyTheFormToo() {
    Case c = receive();
    String task = task(c, "Task_AppraiseDossier", "dongha.specialist");
    for (String mount : java.util.Arrays.asList("/engine-rest", null)) {
      String base = mount == null ? "/camunda/api/engine/engine/default" : mount;
      Webapp client = mount == null ? login("dongha.specialist") : null;
      Http.Answer put = send(client, "PUT", base + "/task/" + task + "/variables/applicantName",
          "{\"value\":\"Kẻ Mạo Danh\"}");
      assertThat(put.status()).as(put.body()).isEqualTo(400);
      assertThat(put.json().path("field").asText()).isEqualTo("applicantName");
      Http.Answer local = send(client, "PUT", base + "/task/" + task + "/localVariables/idNumber",
          "{\"value\":\"999999999999\"}");
      assertThat(local.json().path("field").asText()).as(local.body()).isEqualTo("idNumber");
      Http.Answer modify = send(client, "POST", base + "/task/" + task + "/variables",
          "{\"modifications\":{\"phone\":{\"value\":\"0900000000\"}}}");
      assertThat(modify.json().path("field").asText()).as(modify.body()).isEqualTo("phone");
      Http.Answer deletion = send(client, "POST", base + "/task/" + task + "/variables", "{\"deletions\":[\"idNumber\"]}");
      assertThat(deletion.json().path("field").asText()).as(deletion.body()).isEqualTo("idNumber");
      assertThat(send(client, "DELETE", base + "/task/" + task + "/variables/idNumber", null).status()).isEqualTo(403);
    }
    // what the form lets the specialist edit may be saved as a draft
    Http.Answer draft = http.send(http.request("/engine-rest/task/" + task + "/variables/appraisalOpinion",
        "dongha.specialist").header("Content-Type", "application/json")
        .PUT(HttpRequest.BodyPublishers.ofString("{\"value\":\"Nháp\"}")).build());
    assertThat(draft.status()).as(draft.body()).isEqualTo(204);
    assertOpenWithName(task, c);
    assertThat(runtime.getVariable(c.instance, "idNumber")).isEqualTo("045201000123");
    assertThat(runtime.getVariable(c.instance, "phone")).isEqualTo("0912344321");
  }

  @Test
  void doorsWithoutAFormAreForAdministratorsOnly() {
    Case c = receive();
    String task = task(c, "Task_AppraiseDossier", "dongha.specialist");
    String name = "{\"value\":\"Kẻ Mạo Danh\"}";
    String[][] doors = {
        {"PUT", "/engine-rest/process-instance/" + c.instance + "/variables/applicantName", name},
        {"POST", "/engine-rest/process-instance/" + c.instance + "/variables", "{\"modifications\":{\"applicantName\":" + name + "}}"},
        {"DELETE", "/engine-rest/process-instance/" + c.instance + "/variables/idNumber", null},
        {"PUT", "/engine-rest/execution/" + c.instance + "/localVariables/applicantName", name},
        {"POST", "/engine-rest/execution/" + c.instance + "/variables", "{\"modifications\":{\"applicantName\":" + name + "}}"},
        {"POST", "/engine-rest/process-instance/variables-async", "{\"processInstanceIds\":[\"" + c.instance
            + "\"],\"variables\":{\"applicantName\":" + name + "}}"},
        {"POST", "/engine-rest/process-instance/" + c.instance + "/modification", "{\"instructions\":[{\"type\":"
            + "\"startBeforeActivity\",\"activityId\":\"Task_ApproveResult\",\"variables\":{\"applicantName\":" + name + "}}]}"},
        {"POST", "/engine-rest/message", "{\"messageName\":\"DossierWithdrawn\",\"businessKey\":\"" + c.code
            + "\",\"processVariables\":{\"applicantName\":" + name + "}}"},
        {"POST", "/engine-rest/signal", "{\"name\":\"any\",\"variables\":{\"applicantName\":" + name + "}}"},
        {"POST", "/engine-rest/external-task/any/complete", "{\"workerId\":\"w\",\"variables\":{\"applicantName\":" + name + "}}"},
        {"POST", "/engine-rest/task/" + task + "/bpmnError", "{\"errorCode\":\"x\",\"variables\":{\"applicantName\":" + name + "}}"},
        {"POST", "/engine-rest/task/" + task + "/variables/applicantName/data", ""},
        {"PUT", "/engine-rest/engine/default/process-instance/" + c.instance + "/variables/applicantName", name},
    };
    for (String user : List.of("dongha.specialist", "dongha.chairman", "dongha.officer")) {
      for (String[] door : doors) {
        Http.Answer answer = http.send(http.request(door[1], user).header("Content-Type", "application/json")
            .method(door[0], door[2] == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(door[2])).build());
        assertThat(answer.status()).as(user + " " + door[0] + " " + door[1] + ": " + answer.body()).isEqualTo(403);
      }
    }
    Http.Answer webapp = login("dongha.chairman").send("PUT",
        "/camunda/api/engine/engine/default/process-instance/" + c.instance + "/variables/applicantName", name);
    assertThat(webapp.status()).as(webapp.body()).isEqualTo(403);
    assertOpenWithName(task, c);
    assertThat(runtime.getVariable(c.instance, "idNumber")).isEqualTo("045201000123");
    assertThat(runtime.createProcessInstanceQuery().processInstanceId(c.instance).count()).isEqualTo(1);

    // the administrator repairs a case directly: the legitimate use of the same door
    Http.Answer repaired = http.send(http.request("/engine-rest/process-instance/" + c.instance
        + "/variables/applicantName", "demo").header("Content-Type", "application/json")
        .PUT(HttpRequest.BodyPublishers.ofString("{\"value\":\"Nguyễn Văn Ân\"}")).build());
    assertThat(repaired.status()).as(repaired.body()).isEqualTo(204);
  }

  // ------------------------------------------------------------------ start

  @Test
  void directStartWithABadIdNumberWritesNothingAndUsesNoNumber() {
    Case first = receive();
    long dossiers = count("dv_dossier");
    long instances = runtime.createProcessInstanceQuery().processDefinitionKey("dossierApproval").count();

    Http.Answer bad = start("dongha.officer", startBody("04520100012", ""));
    assertThat(bad.status()).as(bad.body()).isEqualTo(400);
    assertThat(bad.json().path("field").asText()).isEqualTo("idNumber");
    Http.Answer badPhone = start("dongha.officer", startBody("045201000123", "").replace("0912344321", "12345"));
    assertThat(badPhone.json().path("field").asText()).as(badPhone.body()).isEqualTo("phone");
    Http.Answer unknown = start("dongha.officer", startBody("045201000123", ",\"discount\":{\"value\":true}"));
    assertThat(unknown.json().path("field").asText()).as(unknown.body()).isEqualTo("discount");
    Http.Answer viaApi = http.postJson("/api/dossiers", "dongha.officer", apiBody("04520100012"));
    assertThat(viaApi.status()).as(viaApi.body()).isEqualTo(400);
    assertThat(viaApi.json().path("field").asText()).isEqualTo("idNumber");
    Http.Answer viaTasklist = login("dongha.officer").post("/camunda/api/engine/engine/default/process-definition/"
        + definitionId() + "/submit-form", startBody("04520100012", ""));
    assertThat(viaTasklist.status()).as(viaTasklist.body()).isEqualTo(400);
    assertThat(viaTasklist.json().path("field").asText()).isEqualTo("idNumber");

    assertThat(count("dv_dossier")).isEqualTo(dossiers);
    assertThat(runtime.createProcessInstanceQuery().processDefinitionKey("dossierApproval").count()).isEqualTo(instances);
    Case next = receive();
    assertThat(sequence(next.code)).as(first.code + " then " + next.code).isEqualTo(sequence(first.code) + 1);
  }

  @Test
  void theReceivingOfficerIsAlwaysTheAuthenticatedUser() throws IOException {
    Http.Answer started = start("dongha.officer", startBody("045201000123",
        ",\"receivingOfficer\":{\"value\":\"dongha.specialist\"}"));
    assertThat(started.status()).as(started.body()).isEqualTo(200);
    String instance = started.json().path("id").asText();
    assertThat(runtime.getVariable(instance, "receivingOfficer")).isEqualTo("dongha.officer");

    String receipt = (String) runtime.getVariable(instance, "receiptDocumentId");
    HttpResponse<byte[]> pdf = bytes("/api/documents/" + receipt, "dongha.officer");
    assertThat(pdf.statusCode()).isEqualTo(200);
    try (var document = Loader.loadPDF(pdf.body())) {
      String text = new PDFTextStripper().getText(document);
      assertThat(text).contains("Nguyễn Thị Lan").doesNotContain("Trần Văn Hùng");
    }

    Http.Answer viaTasklist = login("dongha.officer").post("/camunda/api/engine/engine/default/process-definition/"
        + definitionId() + "/submit-form", startBody("045201000123", ",\"receivingOfficer\":{\"value\":\"x\"}"));
    assertThat(viaTasklist.status()).as(viaTasklist.body()).isEqualTo(200);
    assertThat(runtime.getVariable(viaTasklist.json().path("id").asText(), "receivingOfficer")).isEqualTo("dongha.officer");
  }

  @Test
  void onlyAOneStopOfficerOfTheUnitStartsADossier() {
    long dossiers = count("dv_dossier");
    for (String user : List.of("dongha.specialist", "dongha.chairman", "quangtri.auditor", "demo")) {
      Http.Answer answer = start(user, startBody("045201000123", ",\"unitCode\":{\"value\":\"dongha\"}"));
      assertThat(answer.status()).as(user + ": " + answer.body()).isIn(400, 403);
    }
    assertThat(start("dongha.specialist", startBody("045201000123", "")).status()).isEqualTo(403);
    Http.Answer viaTasklist = login("dongha.specialist").post("/camunda/api/engine/engine/default/process-definition/"
        + definitionId() + "/submit-form", startBody("045201000123", ""));
    assertThat(viaTasklist.status()).as(viaTasklist.body()).isEqualTo(403);
    Http.Answer atAnActivity = start("dongha.officer", "{\"variables\":{},\"startInstructions\":[{\"type\":"
        + "\"startBeforeActivity\",\"activityId\":\"Task_AppraiseDossier\"}]}");
    assertThat(atAnActivity.status()).as(atAnActivity.body()).isEqualTo(403);
    assertThat(count("dv_dossier")).isEqualTo(dossiers);
  }

  // ------------------------------------------------------------------ a new process

  @Test
  void aNewlyDeployedProcessGetsBothContractsForFree() {
    String startForm = """
        {"id":"probe-start","schemaVersion":16,"type":"default","components":[
          {"type":"textfield","key":"title","label":"Tiêu đề","validate":{"required":true,"maxLength":10}}]}""";
    String taskForm = """
        {"id":"probe-task","schemaVersion":16,"type":"default","components":[
          {"type":"textfield","key":"title","label":"Tiêu đề","readonly":true},
          {"type":"number","key":"amount","label":"Số lượng","validate":{"required":true,"min":1,"max":5}}]}""";
    String bpmn = org.camunda.bpm.model.bpmn.Bpmn.convertToString(org.camunda.bpm.model.bpmn.Bpmn
        .createExecutableProcess("contractProbe").camundaHistoryTimeToLive(1)
        .startEvent().camundaFormRef("probe-start").camundaFormRefBinding("deployment")
        .userTask("Task_Probe").camundaCandidateGroups("specialist").camundaFormRef("probe-task").camundaFormRefBinding("deployment")
        .endEvent().done());
    String body = part("deployment-name", null, "contract probe") + part("probe.bpmn", "probe.bpmn", bpmn)
        + part("probe-start.form", "probe-start.form", startForm) + part("probe-task.form", "probe-task.form", taskForm)
        + "--x--\r\n";
    Http.Answer deployed = http.send(http.request("/engine-rest/deployment/create", "demo")
        .header("Content-Type", "multipart/form-data; boundary=x")
        .POST(HttpRequest.BodyPublishers.ofString(body)).build());
    assertThat(deployed.status()).as(deployed.body()).isEqualTo(200);

    String start = "/engine-rest/process-definition/key/contractProbe/start";
    Http.Answer tooLong = http.postJson(start, "dongha.officer", "{\"variables\":{\"unitCode\":{\"value\":\"dongha\"},"
        + "\"title\":{\"value\":\"Quá dài cho mười ký tự\"}}}");
    assertThat(tooLong.status()).as(tooLong.body()).isEqualTo(400);
    assertThat(tooLong.json().path("field").asText()).isEqualTo("title");
    Http.Answer extra = http.postJson(start, "dongha.officer", "{\"variables\":{\"unitCode\":{\"value\":\"dongha\"},"
        + "\"title\":{\"value\":\"Thử\"},\"secret\":{\"value\":1}}}");
    assertThat(extra.json().path("field").asText()).as(extra.body()).isEqualTo("secret");
    Http.Answer started = http.postJson(start, "dongha.officer", "{\"variables\":{\"unitCode\":{\"value\":\"dongha\"},"
        + "\"title\":{\"value\":\"Thử\"}}}");
    assertThat(started.status()).as(started.body()).isEqualTo(200);
    String instance = started.json().path("id").asText();
    String task = tasks.createTaskQuery().processInstanceId(instance).singleResult().getId();

    Http.Answer outOfBounds = http.postJson("/engine-rest/task/" + task + "/complete", "dongha.specialist",
        "{\"variables\":{\"amount\":{\"value\":9}}}");
    assertThat(outOfBounds.json().path("field").asText()).as(outOfBounds.body()).isEqualTo("amount");
    Http.Answer retitled = http.postJson("/engine-rest/task/" + task + "/complete", "dongha.specialist",
        "{\"variables\":{\"amount\":{\"value\":3},\"title\":{\"value\":\"Khác\"}}}");
    assertThat(retitled.json().path("field").asText()).as(retitled.body()).isEqualTo("title");
    assertThat(tasks.createTaskQuery().taskId(task).count()).isEqualTo(1);
    Http.Answer done = http.postJson("/engine-rest/task/" + task + "/complete", "dongha.specialist",
        "{\"variables\":{\"amount\":{\"value\":3},\"title\":{\"value\":\"Thử\"}}}");
    assertThat(done.status()).as(done.body()).isEqualTo(204);
    assertThat(runtime.createProcessInstanceQuery().processInstanceId(instance).count()).isZero();
  }

  // ------------------------------------------------------------------ a completion that fails

  @Test
  void aCompletionTheEngineRefusesWritesNothingOfItThroughEitherDoor() {
    String task = completionProbeTask();
    // the form allows 3, but the diagram's only way on needs more than 100: the engine fails half-way
    for (Http.Answer answer : completeThroughBothDoors(task, 3)) {
      assertThat(answer.status()).as(answer.body()).isGreaterThanOrEqualTo(400);
      assertThat(answer.body()).doesNotContain("at org.");
    }
    assertNothingWritten(task);
  }

  @Test
  void aCompletionWhoseWritingFailsIsAnsweredAsAFailureAndWritesNothing() {
    String task = completionProbeTask();
    // PostgreSQL refuses to delete this task's row: the completion fails when the engine writes it,
    // after the completion itself has succeeded and been answered
    jdbc.execute("CREATE TABLE IF NOT EXISTS test_undeletable_task (id VARCHAR(64) PRIMARY KEY)");
    jdbc.execute("CREATE OR REPLACE FUNCTION test_refuse_task_delete() RETURNS trigger AS $$ BEGIN"
        + " IF EXISTS (SELECT 1 FROM test_undeletable_task WHERE id = OLD.ID_) THEN"
        + " RAISE EXCEPTION 'refused by the test'; END IF; RETURN OLD; END $$ LANGUAGE plpgsql");
    jdbc.execute("CREATE OR REPLACE TRIGGER test_refuse_task_delete BEFORE DELETE ON ACT_RU_TASK"
        + " FOR EACH ROW EXECUTE FUNCTION test_refuse_task_delete()");
    jdbc.update("INSERT INTO test_undeletable_task (id) VALUES (?)", task);
    try {
      for (Http.Answer answer : completeThroughBothDoors(task, 300)) {
        assertThat(answer.status()).as(answer.body()).isEqualTo(500);
        assertThat(answer.body()).doesNotContain("at org.").doesNotContain("refused by the test");
      }
      assertNothingWritten(task);
    } finally {
      jdbc.execute("DROP TRIGGER test_refuse_task_delete ON ACT_RU_TASK");
      jdbc.update("DELETE FROM test_undeletable_task WHERE id = ?", task);
    }
    Http.Answer done = http.postJson("/engine-rest/task/" + task + "/complete", "dongha.specialist",
        "{\"variables\":{\"amount\":{\"value\":300}}}");
    assertThat(done.status()).as(done.body()).isEqualTo(204);
    assertThat(tasks.createTaskQuery().taskId(task).count()).isZero();
  }

  /** The specialist completes the task with {@code amount} through {@code /engine-rest} and through Tasklist's API. */
  private List<Http.Answer> completeThroughBothDoors(String task, int amount) {
    String body = "{\"variables\":{\"amount\":{\"value\":" + amount + "}}}";
    Webapp tasklist = login("dongha.specialist");
    return List.of(http.postJson("/engine-rest/task/" + task + "/complete", "dongha.specialist", body),
        tasklist.post("/camunda/api/engine/engine/default/task/" + task + "/submit-form", body));
  }

  /** A task of a probe whose form allows an amount of 1 to 1000 and whose diagram goes on only above 100. */
  private String completionProbeTask() {
    String taskForm = """
        {"id":"completion-probe-task","schemaVersion":16,"type":"default","components":[
          {"type":"number","key":"amount","label":"Số lượng","validate":{"required":true,"min":1,"max":1000}}]}""";
    String bpmn = org.camunda.bpm.model.bpmn.Bpmn.convertToString(org.camunda.bpm.model.bpmn.Bpmn
        .createExecutableProcess("completionProbe").camundaHistoryTimeToLive(1)
        .startEvent()
        .userTask("Task_Probe").camundaCandidateGroups("specialist").camundaFormRef("completion-probe-task")
        .camundaFormRefBinding("deployment")
        .exclusiveGateway("Gateway_Amount").condition("lớn", "${amount > 100 && amount <= 900}").endEvent("End_Big")
        .moveToNode("Gateway_Amount").condition("rất lớn", "${amount > 900}").endEvent("End_Huge").done());
    String body = part("deployment-name", null, "completion probe") + part("probe.bpmn", "probe.bpmn", bpmn)
        + part("completion-probe-task.form", "completion-probe-task.form", taskForm) + "--x--\r\n";
    Http.Answer deployed = http.send(http.request("/engine-rest/deployment/create", "demo")
        .header("Content-Type", "multipart/form-data; boundary=x")
        .POST(HttpRequest.BodyPublishers.ofString(body)).build());
    assertThat(deployed.status()).as(deployed.body()).isEqualTo(200);
    Http.Answer started = http.postJson("/engine-rest/process-definition/key/completionProbe/start", "dongha.officer",
        "{\"variables\":{\"unitCode\":{\"value\":\"dongha\"}}}");
    assertThat(started.status()).as(started.body()).isEqualTo(200);
    return tasks.createTaskQuery().processInstanceId(started.json().path("id").asText()).singleResult().getId();
  }

  private void assertNothingWritten(String task) {
    assertThat(tasks.createTaskQuery().taskId(task).count()).as("the task is still open").isEqualTo(1);
    String instance = tasks.createTaskQuery().taskId(task).singleResult().getProcessInstanceId();
    assertThat(runtime.getVariable(instance, "amount")).as("no variable written").isNull();
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM ACT_HI_TASKINST WHERE ID_ = ? AND END_TIME_ IS NULL",
        Long.class, task)).as("its history still open").isEqualTo(1);
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM ACT_HI_DETAIL WHERE PROC_INST_ID_ = ? AND NAME_ = 'amount'",
        Long.class, instance))
        .as("no variable history").isZero();
  }

  private static String part(String name, String filename, String content) {
    return "--x\r\nContent-Disposition: form-data; name=\"" + name + "\""
        + (filename == null ? "" : "; filename=\"" + filename + "\"\r\nContent-Type: application/octet-stream")
        + "\r\n\r\n" + content + "\r\n";
  }

  // ------------------------------------------------------------------ helpers

  record Case(String code, String instance) {}

  private Case receive() {
    Http.Answer received = http.postJson("/api/dossiers", "dongha.officer", apiBody("045201000123"));
    assertThat(received.status()).as(received.body()).isEqualTo(201);
    String code = received.json().path("code").asText();
    String instance = runtime.createProcessInstanceQuery().processInstanceBusinessKey(code).singleResult().getId();
    return new Case(code, instance);
  }

  private static String apiBody(String idNumber) {
    return ProcedureSamples.apiBody("""
        {"procedureCode":"CERTIFIED_COPY","unit":"dongha","applicantName":"%s","idNumber":"%s",
         "phone":"0912344321","channel":"COUNTER","documentList":"Bản chính và bản sao"}""".formatted(NAME, idNumber));
  }

  private static String startBody(String idNumber, String extra) {
    return "{\"variables\":{\"procedureCode\":{\"value\":\"CERTIFIED_COPY\"},\"applicantName\":{\"value\":\"" + NAME
        + "\"},\"idNumber\":{\"value\":\"" + idNumber + "\"},\"phone\":{\"value\":\"0912344321\"},"
        + "\"channel\":{\"value\":\"COUNTER\"},\"documentList\":{\"value\":\"Bản chính\"},"
        + "\"checkResult\":{\"value\":\"COMPLETE\"}" + ProcedureSamples.engineVariables("CERTIFIED_COPY") + extra + "}}";
  }

  private Http.Answer start(String user, String body) {
    return http.postJson("/engine-rest/process-definition/key/dossierApproval/start", user, body);
  }

  private String definitionId() {
    return http.get("/engine-rest/process-definition/key/dossierApproval", "dongha.officer").json().path("id").asText();
  }

  private String task(Case c, String key, String user) {
    JsonNode found = http.get("/engine-rest/task?processInstanceId=" + c.instance + "&taskDefinitionKey=" + key, user).json();
    assertThat(found).as(user + " sees " + key).hasSize(1);
    return found.get(0).path("id").asText();
  }

  private void assertOpenWithName(String task, Case c) {
    assertThat(tasks.createTaskQuery().taskId(task).count()).isEqualTo(1);
    assertThat(runtime.getVariable(c.instance, "applicantName")).isEqualTo(NAME);
  }

  private long count(String table) {
    return jdbc.queryForObject("SELECT COUNT(*) FROM " + table, Long.class);
  }

  private static int sequence(String code) {
    return Integer.parseInt(code.substring(code.lastIndexOf('-') + 1));
  }

  private Http.Answer send(Webapp client, String method, String path, String body) {
    if (client != null) {
      return client.send(method, path, body);
    }
    return http.send(http.request(path, "dongha.specialist").header("Content-Type", "application/json")
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
        .build());
  }

  private HttpResponse<byte[]> bytes(String path, String user) {
    try {
      return java.net.http.HttpClient.newHttpClient().send(http.request(path, user).GET().build(),
          HttpResponse.BodyHandlers.ofByteArray());
    } catch (IOException | InterruptedException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A logged-in webapp session (as Tasklist has): session cookie and CSRF token on every call. */
  record Webapp(Http http, String origin, String token, String cookies) {
    Http.Answer post(String path, String json) {
      return send("POST", path, json);
    }

    Http.Answer send(String method, String path, String json) {
      return http.send(http.request(path, null).header("Content-Type", "application/json")
          .header("X-XSRF-TOKEN", token).header("Cookie", cookies)
          .header("Origin", origin).header("Referer", origin + "/camunda/app/tasklist/default/")
          .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json))
          .build());
    }
  }

  private Webapp login(String user) {
    Http.Answer page = http.get("/camunda/app/tasklist/default/");
    List<String> setCookies = page.headers().allValues("Set-Cookie");
    String token = value(cookie(setCookies, "XSRF-TOKEN").orElseThrow());
    String session = value(cookie(setCookies, "JSESSIONID").orElseThrow());
    Http.Answer login = http.send(http.request("/camunda/api/admin/auth/user/default/login/tasklist", null)
        .header("Content-Type", "application/x-www-form-urlencoded").header("X-XSRF-TOKEN", token)
        .header("Cookie", "XSRF-TOKEN=" + token + "; JSESSIONID=" + session)
        .POST(HttpRequest.BodyPublishers.ofString("username=" + user + "&password=demo")).build());
    assertThat(login.status()).as(login.body()).isEqualTo(200);
    List<String> after = login.headers().allValues("Set-Cookie");
    session = cookie(after, "JSESSIONID").map(ContractIT::value).orElse(session);
    token = cookie(after, "XSRF-TOKEN").map(ContractIT::value).orElse(token);
    // the login gives a new session; its first read hands out the session's CSRF token, as in the browser
    Http.Answer read = http.send(http.request("/camunda/api/admin/auth/user/default", null)
        .header("Cookie", "XSRF-TOKEN=" + token + "; JSESSIONID=" + session).GET().build());
    token = cookie(read.headers().allValues("Set-Cookie"), "XSRF-TOKEN").map(ContractIT::value).orElse(token);
    return new Webapp(http, "http://localhost:" + port, token, "XSRF-TOKEN=" + token + "; JSESSIONID=" + session);
  }

  private static String value(String setCookie) {
    int end = setCookie.indexOf(';');
    return setCookie.substring(setCookie.indexOf('=') + 1, end < 0 ? setCookie.length() : end);
  }

  private static Optional<String> cookie(List<String> setCookies, String name) {
    return setCookies.stream().filter(c -> c.startsWith(name + "=")).findFirst();
  }
}
