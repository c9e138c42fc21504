package vn.danvan.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.util.List;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.Test;
import vn.danvan.support.DossierStartBodies;
import vn.danvan.support.Http;
import vn.danvan.support.RunningApplicationTest;

/** The REST API is closed to anonymous callers, and one commune's officials cannot touch another's work. */
class RestSecurityIT extends RunningApplicationTest {


  @Test
  void engineRestAnswers401WithJsonWithoutCredentials() {
    Http.Answer answer = http.get("/engine-rest/task");
    assertThat(answer.status()).isEqualTo(401);
    assertThat(answer.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).startsWith("application/json"));
    assertThat(answer.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(v -> assertThat(v).startsWith("Basic"));
    assertThat(answer.json().path("error").asText()).contains("Authentication required");
  }

  /** A refused password locks the user for seconds: this test uses a user no other test needs. */
  @Test
  void wrongPasswordIsRefused() {
    Http.Answer answer = http.send(http.request("/engine-rest/task", null)
        .header("Authorization", Http.basic("camlo.mobilizer", "not-the-password")).GET().build());
    assertThat(answer.status()).isEqualTo(401);
  }

  @Test
  void ownApiNeedsCredentialsToo() {
    assertThat(http.get("/api/calendar/due?from=2026-11-23T08:00:00%2B07:00&workingDays=1").status()).isEqualTo(401);
  }

  @Test
  void engineDiscoveryStaysPublic() {
    Http.Answer answer = http.get("/engine-rest/engine");
    assertThat(answer.status()).isEqualTo(200);
    assertThat(answer.json().get(0).path("name").asText()).isEqualTo("default");
  }

  @Test
  void officialSeesOnlyTheTasksOfTheirOwnCommune() {
    String instanceId = startDossierAs("dongha.officer");
    String query = "/engine-rest/task?processInstanceId=" + instanceId;

    Http.Answer own = http.get(query, "dongha.specialist");
    assertThat(own.status()).isEqualTo(200);
    assertThat(own.json()).hasSize(1);
    assertThat(own.json().get(0).path("tenantId").asText()).isEqualTo("dongha");
    String taskId = own.json().get(0).path("id").asText();

    Http.Answer foreign = http.get(query, "camlo.specialist");
    assertThat(foreign.status()).isEqualTo(200);
    assertThat(foreign.json()).isEmpty();
    assertThat(http.get("/engine-rest/task/" + taskId, "camlo.specialist").status()).isEqualTo(404);
    assertThat(http.get("/engine-rest/process-instance/" + instanceId, "camlo.chairman").status()).isEqualTo(404);
    Http.Answer variables = http.get("/engine-rest/task/" + taskId + "/variables", "camlo.specialist");
    assertThat(variables.status()).as(variables.body()).isIn(403, 404);
  }

  @Test
  void officialCannotCompleteOrClaimATaskOfAnotherCommune() {
    String instanceId = startDossierAs("dongha.officer");
    String taskId = http.get("/engine-rest/task?processInstanceId=" + instanceId, "dongha.specialist").json().get(0).path("id").asText();

    Http.Answer complete = http.postJson("/engine-rest/task/" + taskId + "/complete", "camlo.specialist",
        "{\"variables\":{\"appraisalOpinion\":{\"value\":\"Đủ điều kiện\"},\"appraisalResult\":{\"value\":\"PROPOSE_APPROVE\"}}}");
    assertThat(complete.status()).as(complete.body()).isIn(403, 404);
    Http.Answer claim = http.postJson("/engine-rest/task/" + taskId + "/claim", "camlo.specialist", "{\"userId\":\"camlo.specialist\"}");
    assertThat(claim.status()).as(claim.body()).isIn(403, 404);

    // the task is still there, untouched, for its own unit
    Http.Answer still = http.get("/engine-rest/task/" + taskId, "dongha.specialist");
    assertThat(still.status()).isEqualTo(200);
    assertThat(still.json().path("assignee").isNull()).isTrue();
    Http.Answer ownComplete = http.postJson("/engine-rest/task/" + taskId + "/complete", "dongha.specialist",
        "{\"variables\":{\"appraisalOpinion\":{\"value\":\"Đủ điều kiện\"},\"appraisalResult\":{\"value\":\"PROPOSE_APPROVE\"}}}");
    assertThat(ownComplete.status()).isEqualTo(204);
  }

  @Test
  void officialCannotStartACaseForAnotherCommune() {
    Http.Answer answer = http.postJson("/engine-rest/process-definition/key/dossierApproval/start", "camlo.officer",
        DossierStartBodies.complete(", \"unitCode\": {\"value\": \"dongha\"}"));
    assertThat(answer.status()).as(answer.body()).isEqualTo(400);
    assertThat(answer.json().path("message").asText()).contains("unitCode");
  }

  @Test
  void specialistCannotSeeTheLeadersTaskOfTheSameCommune() {
    String instanceId = startDossierAs("camlo.officer");
    String taskId = http.get("/engine-rest/task?processInstanceId=" + instanceId, "camlo.specialist").json().get(0).path("id").asText();
    assertThat(http.postJson("/engine-rest/task/" + taskId + "/complete", "camlo.specialist",
        "{\"variables\":{\"appraisalOpinion\":{\"value\":\"Đủ điều kiện\"},\"appraisalResult\":{\"value\":\"PROPOSE_APPROVE\"}}}").status()).isEqualTo(204);

    assertThat(http.get("/engine-rest/task?processInstanceId=" + instanceId, "camlo.specialist").json()).isEmpty();
    assertThat(http.get("/engine-rest/task?processInstanceId=" + instanceId, "camlo.chairman").json()).hasSize(1);
  }

  @Test
  void auditorReadsHistoryButCannotDeploy() {
    String instanceId = startDossierAs("dongha.officer");
    Http.Answer history = http.get("/engine-rest/history/process-instance?processInstanceId=" + instanceId, "quangtri.auditor");
    assertThat(history.status()).isEqualTo(200);
    assertThat(history.json()).hasSize(1);

    String bpmn = Bpmn.convertToString(Bpmn.createExecutableProcess("auditorProcess").camundaHistoryTimeToLive(1)
        .startEvent().endEvent().done());
    String body = "--x\r\nContent-Disposition: form-data; name=\"deployment-name\"\r\n\r\naudit\r\n"
        + "--x\r\nContent-Disposition: form-data; name=\"data\"; filename=\"auditorProcess.bpmn\"\r\n"
        + "Content-Type: application/octet-stream\r\n\r\n" + bpmn + "\r\n--x--\r\n";
    HttpRequest deploy = http.request("/engine-rest/deployment/create", "quangtri.auditor")
        .header("Content-Type", "multipart/form-data; boundary=x")
        .POST(HttpRequest.BodyPublishers.ofString(body)).build();
    Http.Answer refused = http.send(deploy);
    assertThat(refused.status()).as(refused.body()).isEqualTo(403);
    // the same request from a process owner deploys: the refusal is about the role, not the request
    Http.Answer deployed = http.send(http.request("/engine-rest/deployment/create", "quangtri.owner")
        .header("Content-Type", "multipart/form-data; boundary=x")
        .POST(HttpRequest.BodyPublishers.ofString(body)).build());
    assertThat(deployed.status()).as(deployed.body()).isEqualTo(200);
  }

  @Test
  void everyOfficialGetsTheSharedTasklistFilters() {
    Http.Answer filters = http.get("/engine-rest/filter?resourceType=Task", "dongha.officer");
    assertThat(filters.status()).isEqualTo(200);
    List<String> names = filters.json().findValuesAsText("name");
    assertThat(names).contains("Việc của tôi", "Việc chung của đơn vị", "Việc quá hạn", "Việc đến hạn hôm nay");
  }

  @Test
  void unitGroupTaskFilterShowsOwnUnitOnly() {
    String instanceId = startDossierAs("camlo.officer");
    String filterId = filterId("Việc chung của đơn vị", "camlo.specialist");
    Http.Answer camlo = http.get("/engine-rest/filter/" + filterId + "/list", "camlo.specialist");
    Http.Answer dongha = http.get("/engine-rest/filter/" + filterId + "/list", "dongha.specialist");
    assertThat(camlo.json().findValuesAsText("processInstanceId")).contains(instanceId);
    assertThat(dongha.json().findValuesAsText("processInstanceId")).doesNotContain(instanceId);
  }

  private String filterId(String name, String user) {
    for (var filter : http.get("/engine-rest/filter?resourceType=Task", user).json()) {
      if (filter.path("name").asText().equals(name)) {
        return filter.path("id").asText();
      }
    }
    throw new AssertionError("No filter " + name);
  }

  private String startDossierAs(String officer) {
    Http.Answer answer = http.postJson("/engine-rest/process-definition/key/dossierApproval/start", officer, DossierStartBodies.complete(""));
    assertThat(answer.status()).as(answer.body()).isEqualTo(200);
    return answer.json().path("id").asText();
  }
}
