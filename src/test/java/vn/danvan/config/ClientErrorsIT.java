package vn.danvan.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import vn.danvan.support.DossierStartBodies;
import vn.danvan.support.Http;
import vn.danvan.support.RunningApplicationTest;
import vn.danvan.support.Webapp;

/**
 * Errors the client causes through /engine-rest are 4xx that tell nothing about other units, and a
 * refused value never reaches the log (captured here while the values are sent, on PostgreSQL).
 */
@ExtendWith(OutputCaptureExtension.class)
class ClientErrorsIT extends RunningApplicationTest {

  private static final String START = "/engine-rest/process-definition/key/dossierApproval/start";

  @Test
  void tooLongStringVariableIs400NamingTheVariableAndIsNeitherStoredNorLogged(CapturedOutput output) {
    String marker = "MARKER-ID-" + System.nanoTime();
    String instanceId = start("dongha.officer", "");
    Http.Answer answer = put("/engine-rest/process-instance/" + instanceId + "/variables/idNumber", "demo",
        "{\"value\":\"" + marker + "0".repeat(4100) + "\",\"type\":\"String\"}");

    assertThat(answer.status()).as(answer.body()).isEqualTo(400);
    assertThat(answer.body()).contains("idNumber").contains("at most 4000").doesNotContain(marker);
    assertThat(http.get("/engine-rest/process-instance/" + instanceId + "/variables/idNumber", "demo").json()
        .path("value").asText()).as("nothing stored").isEqualTo("045201000123");
    assertThat(output.getAll()).doesNotContain(marker);
  }

  @Test
  void tooLongApplicantNameAtStartIs400AndNotLogged(CapturedOutput output) {
    String marker = "MARKER-NAME-" + System.nanoTime();
    Http.Answer answer = http.postJson(START, "dongha.officer", DossierStartBodies.complete(
        ",\"applicantName\": {\"value\": \"" + marker + "x".repeat(5000) + "\"}"));
    assertThat(answer.status()).as(answer.body()).isEqualTo(400);
    assertThat(answer.body()).contains("applicantName").doesNotContain(marker);
    assertThat(output.getAll()).doesNotContain(marker);
  }

  @Test
  void valueTheDatabaseRefusesIs400AndItsErrorIsLoggedWithoutTheValue(CapturedOutput output) {
    // A task name longer than its column (255 characters): only the database finds out, and the
    // engine's flush summary would print the task with its values. Officials cannot rename tasks;
    // an administrator's repair through PUT /task/{id} reaches the database.
    String marker = "MARKER-NAME-" + System.nanoTime();
    String value = "MARKER-VALUE-" + System.nanoTime();
    String instanceId = start("dongha.officer", "");
    String taskId = http.get("/engine-rest/task?processInstanceId=" + instanceId, "demo").json().get(0).path("id").asText();
    Http.Answer answer = put("/engine-rest/task/" + taskId, "demo",
        "{\"name\": \"" + marker + "n".repeat(300) + "\", \"description\": \"" + value + "\", \"priority\": 50, \"tenantId\": \"dongha\"}");

    assertThat(answer.status()).as(answer.body()).isEqualTo(400);
    assertThat(answer.body()).contains("22001").doesNotContain(marker).doesNotContain(value);
    assertThat(output.getAll()).doesNotContain(marker).doesNotContain(value).doesNotContain("n".repeat(100));
    assertThat(http.get("/engine-rest/task/" + taskId, "demo").json().path("name").asText()).isEqualTo("Thẩm định hồ sơ");
  }

  @Test
  void unknownTaskAndTaskOfAnotherUnitGetTheSameAnswerAndNoServerError(CapturedOutput output) {
    String instanceId = start("dongha.officer", "");
    String foreign = http.get("/engine-rest/task?processInstanceId=" + instanceId, "dongha.specialist").json().get(0).path("id").asText();
    String unknown = "00000000-0000-0000-0000-000000000000";

    for (String[] call : List.of(new String[] {"GET", ""}, new String[] {"GET", "/variables"},
        new String[] {"GET", "/form-variables"}, new String[] {"GET", "/identity-links"},
        new String[] {"POST", "/complete"}, new String[] {"POST", "/claim"}, new String[] {"POST", "/submit-form"})) {
      Http.Answer foreignAnswer = call("camlo.specialist", call[0], "/engine-rest/task/" + foreign + call[1]);
      Http.Answer unknownAnswer = call("camlo.specialist", call[0], "/engine-rest/task/" + unknown + call[1]);
      assertThat(foreignAnswer.status()).as("%s %s foreign: %s", call[0], call[1], foreignAnswer.body()).isEqualTo(404);
      assertThat(unknownAnswer.status()).as("%s %s unknown: %s", call[0], call[1], unknownAnswer.body()).isEqualTo(404);
      assertThat(foreignAnswer.body()).as(call[1]).isEqualTo(unknownAnswer.body());
    }
    assertThat(output.getAll().lines().filter(line -> line.contains(" ERROR ") && line.contains("ENGINE-16004")))
        .as("the client's errors are not logged as server errors").isEmpty();
  }

  @Test
  void tasklistsEngineApiAnswersATaskOfAnotherUnitLikeAnUnknownOne() {
    String instanceId = start("dongha.officer", "");
    String foreign = http.get("/engine-rest/task?processInstanceId=" + instanceId, "dongha.specialist").json().get(0).path("id").asText();
    String unknown = "00000000-0000-0000-0000-000000000000";
    Webapp tasklist = Webapp.login(http, "camlo.specialist", "tasklist");
    String base = "/camunda/api/engine/engine/default/task/";

    for (String read : List.of("", "/variables", "/form-variables", "/identity-links")) {
      Http.Answer foreignAnswer = tasklist.get(base + foreign + read);
      Http.Answer unknownAnswer = tasklist.get(base + unknown + read);
      assertThat(foreignAnswer.status()).as("GET %s foreign: %s", read, foreignAnswer.body()).isEqualTo(404);
      assertThat(unknownAnswer.status()).as("GET %s unknown: %s", read, unknownAnswer.body()).isEqualTo(404);
      assertThat(foreignAnswer.body()).as(read).isEqualTo(unknownAnswer.body());
    }
    Http.Answer claim = tasklist.postJson(base + foreign + "/claim", "{\"userId\":\"camlo.specialist\"}");
    assertThat(claim.status()).as(claim.body()).isEqualTo(404);
    assertThat(claim.body()).isEqualTo(tasklist.postJson(base + unknown + "/claim", "{\"userId\":\"camlo.specialist\"}").body());
    // the task is untouched for its own unit
    assertThat(http.get("/engine-rest/task/" + foreign, "dongha.specialist").json().path("assignee").isNull()).isTrue();
  }

  private Http.Answer call(String user, String method, String path) {
    HttpRequest.Builder request = http.request(path, user).header("Content-Type", "application/json");
    return http.send("GET".equals(method) ? request.GET().build()
        : request.POST(HttpRequest.BodyPublishers.ofString("{\"userId\":\"" + user + "\",\"variables\":{}}")).build());
  }

  private Http.Answer put(String path, String user, String json) {
    return http.send(http.request(path, user).header("Content-Type", "application/json")
        .PUT(HttpRequest.BodyPublishers.ofString(json)).build());
  }

  private String start(String officer, String extra) {
    Http.Answer answer = http.postJson(START, officer, DossierStartBodies.complete(extra));
    assertThat(answer.status()).as(answer.body()).isEqualTo(200);
    return answer.json().path("id").asText();
  }
}
