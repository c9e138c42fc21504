package vn.danvan.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import vn.danvan.support.Http;
import vn.danvan.support.RunningApplicationTest;

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
    assertThat(http.get("/engine-rest/process-instance/" + instanceId + "/variables/idNumber", "demo").status())
        .as("nothing stored").isEqualTo(404);
    assertThat(output.getAll()).doesNotContain(marker);
  }

  @Test
  void tooLongApplicantNameAtStartIs400AndNotLogged(CapturedOutput output) {
    String marker = "MARKER-NAME-" + System.nanoTime();
    Http.Answer answer = http.postJson(START, "dongha.officer", startBody(
        ",\"applicantName\": {\"value\": \"" + marker + "x".repeat(5000) + "\"}"));
    assertThat(answer.status()).as(answer.body()).isEqualTo(400);
    assertThat(answer.body()).contains("applicantName").doesNotContain(marker);
    assertThat(output.getAll()).doesNotContain(marker);
  }

  @Test
  void valueTheDatabaseRefusesIs400AndItsErrorIsLoggedWithoutTheValue(CapturedOutput output) {
    // A variable name longer than its column (255 characters): only the database finds out, and the
    // engine's flush summary would print the variable with its value.
    String marker = "MARKER-NAME-" + System.nanoTime();
    String value = "MARKER-VALUE-" + System.nanoTime();
    Http.Answer answer = http.postJson(START, "dongha.officer",
        startBody(",\"" + marker + "n".repeat(300) + "\": {\"value\": \"" + value + "\"}"));

    assertThat(answer.status()).as(answer.body()).isEqualTo(400);
    assertThat(answer.body()).contains("22001").doesNotContain(marker).doesNotContain(value);
    assertThat(output.getAll()).doesNotContain(marker).doesNotContain(value).doesNotContain("n".repeat(100));
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
    Http.Answer answer = http.postJson(START, officer, startBody(extra));
    assertThat(answer.status()).as(answer.body()).isEqualTo(200);
    return answer.json().path("id").asText();
  }

  private static String startBody(String extraVariables) {
    return "{\"variables\": {"
        + "\"procedureCode\": {\"value\": \"CERTIFIED_COPY\"},"
        + "\"applicantName\": {\"value\": \"Nguyễn Văn An\"},"
        + "\"phone\": {\"value\": \"0912345678\"},"
        + "\"documentList\": {\"value\": \"Bản chính, bản sao\"},"
        + "\"checkResult\": {\"value\": \"COMPLETE\"}"
        + extraVariables + "}}";
  }
}
