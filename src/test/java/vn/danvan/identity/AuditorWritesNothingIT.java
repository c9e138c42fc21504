package vn.danvan.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.BiFunction;
import org.assertj.core.api.SoftAssertions;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import vn.danvan.support.Http;
import vn.danvan.support.ProcedureSamples;
import vn.danvan.support.RunningApplicationTest;
import vn.danvan.support.Webapp;

/**
 * Auditors read the history of their units and write nothing: not a comment or an attachment (on
 * a task or on the case), no claim, completion, variable, identity link or message, through
 * {@code /engine-rest} and through Tasklist's own API. Every refusal is checked on the engine's
 * state, not only on the status code; the history reads keep working.
 */
class AuditorWritesNothingIT extends RunningApplicationTest {

  static final String AUDITOR = "quangtri.auditor";

  @Autowired TaskService tasks;
  @Autowired RuntimeService runtime;

  String instanceId;
  String taskId;

  @BeforeEach
  void receiveDossier() {
    Http.Answer received = http.postJson("/api/dossiers", "dongha.officer", ProcedureSamples.apiBody("""
        {"procedureCode":"CERTIFIED_COPY","unit":"dongha","applicantName":"Lê Văn Tám","idNumber":"045201007777",
         "phone":"0912000777","channel":"COUNTER","documentList":"Bản chính và bản sao giấy tờ"}"""));
    assertThat(received.status()).as(received.body()).isEqualTo(201);
    String code = received.json().path("code").asText();
    var task = http.get("/engine-rest/task?processInstanceBusinessKey=" + code, "dongha.specialist").json().get(0);
    taskId = task.path("id").asText();
    instanceId = task.path("processInstanceId").asText();
  }

  @Test
  void auditorWritesNothingThroughEngineRest() {
    refusedEverywhere((path, body) -> http.send(http.request("/engine-rest" + path, AUDITOR)
        .header("Content-Type", body.contentType()).method(body.method(), HttpRequest.BodyPublishers.ofString(body.text()))
        .build()), "/engine-rest");
  }

  @Test
  void auditorWritesNothingThroughTasklistsApi() {
    Webapp tasklist = Webapp.login(http, AUDITOR, "tasklist");
    refusedEverywhere((path, body) -> http.send(tasklist.request("/camunda/api/engine/engine/default" + path)
        .header("Content-Type", body.contentType()).method(body.method(), HttpRequest.BodyPublishers.ofString(body.text()))
        .build()), "Tasklist");
  }

  @Test
  void auditorStillReadsTheHistoryOfTheCase() {
    assertThat(http.get("/engine-rest/history/process-instance?processInstanceId=" + instanceId, AUDITOR).json()).hasSize(1);
    assertThat(http.get("/engine-rest/history/task?processInstanceId=" + instanceId, AUDITOR).json()).hasSize(1);
    assertThat(http.get("/engine-rest/history/activity-instance?processInstanceId=" + instanceId, AUDITOR).json()).isNotEmpty();
    assertThat(http.get("/engine-rest/history/variable-instance?processInstanceId=" + instanceId, AUDITOR).body())
        .contains("045201007777");
    assertThat(http.get("/engine-rest/history/user-operation?processInstanceId=" + instanceId, AUDITOR).status()).isEqualTo(200);
    assertThat(http.get("/engine-rest/task/" + taskId + "/comment", AUDITOR).status()).isEqualTo(200);
  }

  @Test
  void onlyWhoWorksOnTheTaskCommentsOnIt() {
    String comment = "/engine-rest/task/" + taskId + "/comment/create";
    assertThat(http.postJson(comment, "dongha.mobilizer", "{\"message\":\"Xem hộ\"}").status()).isIn(400, 403, 404);
    assertThat(http.postJson(comment, "camlo.specialist", "{\"message\":\"Xem hộ\"}").status()).isIn(400, 403, 404);
    assertThat(tasks.getTaskComments(taskId)).isEmpty();

    Http.Answer own = http.postJson(comment, "dongha.specialist", "{\"message\":\"Đã đối chiếu bản chính\"}");
    assertThat(own.status()).as(own.body()).isEqualTo(200);
    assertThat(tasks.getTaskComments(taskId)).extracting(c -> c.getFullMessage()).containsExactly("Đã đối chiếu bản chính");
    // a comment on a task cannot be smuggled onto another case
    Http.Answer elsewhere = http.postJson(comment, "dongha.specialist",
        "{\"message\":\"Sang hồ sơ khác\",\"processInstanceId\":\"" + otherInstance() + "\"}");
    assertThat(elsewhere.status()).isIn(400, 403);
    assertThat(tasks.getTaskComments(taskId)).hasSize(1);
  }

  private String otherInstance() {
    Http.Answer received = http.postJson("/api/dossiers", "dongha.officer", ProcedureSamples.apiBody("""
        {"procedureCode":"CERTIFIED_COPY","unit":"dongha","applicantName":"Lê Văn Chín","idNumber":"045201007778",
         "phone":"0912000778","channel":"COUNTER","documentList":"Bản chính"}"""));
    String code = received.json().path("code").asText();
    return http.get("/engine-rest/task?processInstanceBusinessKey=" + code, "dongha.specialist").json().get(0)
        .path("processInstanceId").asText();
  }

  record Body(String method, String contentType, String text) {
    static Body json(String method, String text) {
      return new Body(method, "application/json", text);
    }
  }

  private void refusedEverywhere(BiFunction<String, Body, Http.Answer> send, String via) {
    String attachment = "--x\r\nContent-Disposition: form-data; name=\"attachment-name\"\r\n\r\nbien-ban.txt\r\n"
        + "--x\r\nContent-Disposition: form-data; name=\"content\"; filename=\"bien-ban.txt\"\r\n"
        + "Content-Type: text/plain\r\n\r\nGhi chú của kiểm tra viên\r\n--x--\r\n";
    Map<String, Body> writes = new LinkedHashMap<>();
    writes.put("/task/" + taskId + "/comment/create", Body.json("POST", "{\"message\":\"Ý kiến kiểm tra\"}"));
    writes.put("/task/" + taskId + "/comment/create#case", Body.json("POST",
        "{\"message\":\"Ý kiến kiểm tra\",\"processInstanceId\":\"" + instanceId + "\"}"));
    writes.put("/task/" + taskId + "/attachment/create", new Body("POST", "multipart/form-data; boundary=x", attachment));
    writes.put("/task/" + taskId + "/claim", Body.json("POST", "{\"userId\":\"" + AUDITOR + "\"}"));
    writes.put("/task/" + taskId + "/assignee", Body.json("POST", "{\"userId\":\"dongha.specialist\"}"));
    writes.put("/task/" + taskId + "/delegate", Body.json("POST", "{\"userId\":\"dongha.specialist\"}"));
    writes.put("/task/" + taskId + "/identity-links", Body.json("POST", "{\"groupId\":\"auditor\",\"type\":\"candidate\"}"));
    writes.put("/task/" + taskId + "/complete", Body.json("POST",
        "{\"variables\":{\"appraisalResult\":{\"value\":\"PROPOSE_APPROVE\"},\"appraisalOpinion\":{\"value\":\"Kiểm tra\"}}}"));
    writes.put("/task/" + taskId + "/submit-form", Body.json("POST",
        "{\"variables\":{\"appraisalResult\":{\"value\":\"PROPOSE_APPROVE\"},\"appraisalOpinion\":{\"value\":\"Kiểm tra\"}}}"));
    writes.put("/task/" + taskId + "/variables/appraisalOpinion", Body.json("PUT", "{\"value\":\"Kiểm tra\",\"type\":\"String\"}"));
    writes.put("/task/" + taskId + "/localVariables", Body.json("POST",
        "{\"modifications\":{\"appraisalOpinion\":{\"value\":\"Kiểm tra\"}}}"));
    writes.put("/task/" + taskId, Body.json("PUT", "{\"name\":\"Đổi tên\",\"assignee\":\"" + AUDITOR + "\"}"));
    writes.put("/process-instance/" + instanceId + "/variables", Body.json("POST",
        "{\"modifications\":{\"applicantName\":{\"value\":\"Người khác\"}}}"));
    writes.put("/process-instance/" + instanceId + "/suspended", Body.json("PUT", "{\"suspended\":true}"));
    writes.put("/message", Body.json("POST", "{\"messageName\":\"DossierWithdrawn\",\"processInstanceId\":\""
        + instanceId + "\",\"processVariables\":{\"withdrawalReason\":{\"value\":\"Kiểm tra\"}}}"));
    writes.put("/process-instance/" + instanceId, Body.json("DELETE", ""));

    SoftAssertions softly = new SoftAssertions();
    for (var write : writes.entrySet()) {
      String path = write.getKey().replace("#case", "");
      Http.Answer answer = send.apply(path, write.getValue());
      softly.assertThat(answer.status()).as(via + " " + write.getValue().method() + " " + write.getKey() + ": " + answer.body())
          .isIn(400, 403, 404);
    }
    softly.assertAll();

    // nothing changed
    var task = tasks.createTaskQuery().taskId(taskId).singleResult();
    assertThat(task).as("the task is still open").isNotNull();
    assertThat(task.getAssignee()).isNull();
    assertThat(task.getName()).isEqualTo("Thẩm định hồ sơ");
    assertThat(task.isSuspended()).isFalse();
    assertThat(tasks.getIdentityLinksForTask(taskId)).noneMatch(link -> "auditor".equals(link.getGroupId()));
    assertThat(tasks.getTaskComments(taskId)).isEmpty();
    assertThat(tasks.getProcessInstanceComments(instanceId)).isEmpty();
    assertThat(tasks.getTaskAttachments(taskId)).isEmpty();
    assertThat(tasks.getProcessInstanceAttachments(instanceId)).isEmpty();
    assertThat(tasks.getVariableLocal(taskId, "appraisalOpinion")).isNull();
    assertThat(runtime.getVariable(instanceId, "appraisalOpinion")).isNull();
    assertThat(runtime.getVariable(instanceId, "applicantName")).isEqualTo("Lê Văn Tám");
    assertThat(runtime.getVariable(instanceId, "withdrawalReason")).isNull();
  }
}
