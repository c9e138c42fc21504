package vn.danvan.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.danvan.support.Http;
import vn.danvan.support.ProcedureSamples;
import vn.danvan.support.RunningApplicationTest;
import vn.danvan.support.Webapp;

/**
 * A citizen's ID number, phone, address and e-mail (process variables of {@code dossierApproval})
 * are read only by the roles that work on that process in the dossier's unit, and by auditors:
 * through every variable door of the engine REST API, of Tasklist's and Cockpit's own APIs. The
 * mobilization team, reception officer and inspector of the same ward, officials of another commune
 * and the process owner get nothing (an empty list, 403 or 404).
 */
class PersonalDataAccessIT extends RunningApplicationTest {

  static final List<String> OUTSIDERS = List.of("dongha.mobilizer", "dongha.reception", "dongha.inspector",
      "camlo.specialist", "camlo.chairman", "camlo.officer", "quangtri.owner");

  String idNumber;
  String phone;
  String address;
  String email;
  String instanceId;
  String taskId;
  String definitionId;

  @BeforeEach
  void receiveDossier() {
    ThreadLocalRandom random = ThreadLocalRandom.current();
    idNumber = "0452" + (10_000_000 + random.nextInt(89_999_999));
    phone = "09" + (10_000_000 + random.nextInt(89_999_999));
    address = "Số " + random.nextInt(1000) + " đường Hùng Vương, Đông Hà";
    email = "cd" + random.nextInt(1_000_000) + "@example.vn";
    Http.Answer received = http.postJson("/api/dossiers", "dongha.officer", ProcedureSamples.apiBody("""
        {"procedureCode":"CERTIFIED_COPY","unit":"dongha","applicantName":"Lê Thị Thu","idNumber":"%s","phone":"%s",
         "email":"%s","channel":"COUNTER","applicantAddress":"%s","documentList":"Bản chính và bản sao giấy tờ"}"""
        .formatted(idNumber, phone, email, address)));
    assertThat(received.status()).as(received.body()).isEqualTo(201);
    String code = received.json().path("code").asText();
    Http.Answer tasks = http.get("/engine-rest/task?processInstanceBusinessKey=" + code, "dongha.specialist");
    assertThat(tasks.json()).hasSize(1);
    taskId = tasks.json().get(0).path("id").asText();
    instanceId = tasks.json().get(0).path("processInstanceId").asText();
    definitionId = tasks.json().get(0).path("processDefinitionId").asText();
  }

  @Test
  void rolesThatDoNotWorkOnTheProcessReadNoPersonalDataThroughEngineRest() {
    SoftAssertions softly = new SoftAssertions();
    for (String user : OUTSIDERS) {
      for (String path : variableDoors()) {
        Http.Answer answer = http.get("/engine-rest" + path, user);
        expectNothing(softly, user, "/engine-rest" + path, answer);
      }
      Http.Answer query = http.postJson("/engine-rest/history/variable-instance", user,
          "{\"processInstanceIdIn\":[\"" + instanceId + "\"]}");
      expectNothing(softly, user, "POST /engine-rest/history/variable-instance", query);
      // nor can they find the dossier by searching for the value they guess
      Http.Answer byValue = http.get("/engine-rest/history/process-instance?variables=idNumber_eq_" + idNumber, user);
      softly.assertThat(byValue.status()).isEqualTo(200);
      softly.assertThat(byValue.json()).as(user + " finds the dossier by its ID number").isEmpty();
    }
    softly.assertAll();
  }

  @Test
  void rolesThatDoNotWorkOnTheProcessReadNoPersonalDataThroughTheWebapps() {
    SoftAssertions softly = new SoftAssertions();
    for (String user : OUTSIDERS) {
      Webapp tasklist = Webapp.login(http, user, "tasklist");
      for (String path : variableDoors()) {
        String full = "/camunda/api/engine/engine/default" + path;
        // Tasklist's engine API maps errors like /engine-rest: another unit's case is a 404
        expectNothing(softly, user, full, tasklist.get(full));
      }
      String cockpit = "/camunda/api/cockpit/plugin/base/default/process-instance";
      Http.Answer search = tasklist.postJson(cockpit, "{\"processDefinitionId\":\"" + definitionId
          + "\",\"variables\":[{\"name\":\"idNumber\",\"operator\":\"eq\",\"value\":\"" + idNumber + "\"}]}");
      expectNothing(softly, user, cockpit, search);
      softly.assertThat(search.body()).as(user + " via Cockpit").doesNotContain(instanceId);
      if (List.of("camlo.chairman", "quangtri.owner").contains(user)) {
        // they may open Cockpit: the answer is an empty search, not a refusal of the request
        softly.assertThat(search.status()).as(user + " via Cockpit: " + search.body()).isEqualTo(200);
      }
    }
    softly.assertAll();
  }

  @Test
  void theDossiersOwnRolesAndAuditorsStillSeeWhatTheirStepNeeds() {
    // the specialist's form shows the applicant (Tasklist reads the form variables of the task)
    Http.Answer form = http.get("/engine-rest/task/" + taskId + "/form-variables", "dongha.specialist");
    assertThat(form.status()).as(form.body()).isEqualTo(200);
    assertThat(form.body()).contains(idNumber, phone);
    Http.Answer taskVariables = Webapp.login(http, "dongha.specialist", "tasklist")
        .get("/camunda/api/engine/engine/default/task/" + taskId + "/form-variables");
    assertThat(taskVariables.status()).isEqualTo(200);
    assertThat(taskVariables.body()).contains(idNumber);

    for (String user : List.of("dongha.officer", "dongha.specialist", "dongha.chairman", "quangtri.auditor")) {
      Http.Answer history = http.get("/engine-rest/history/variable-instance?processInstanceId=" + instanceId, user);
      assertThat(history.status()).isEqualTo(200);
      assertThat(history.body()).as(user).contains(idNumber, phone, address, email);
    }
    // leaders and auditors find the case in Cockpit
    for (String user : List.of("dongha.chairman", "quangtri.auditor")) {
      Http.Answer search = Webapp.login(http, user, "cockpit").postJson(
          "/camunda/api/cockpit/plugin/base/default/process-instance", "{\"processDefinitionId\":\"" + definitionId
              + "\",\"variables\":[{\"name\":\"idNumber\",\"operator\":\"eq\",\"value\":\"" + idNumber + "\"}]}");
      assertThat(search.status()).as(search.body()).isEqualTo(200);
      assertThat(search.body()).as(user).contains(instanceId);
    }
  }

  @Test
  void theProcessOwnerReadsDefinitionsButNoCase() {
    assertThat(http.get("/engine-rest/process-definition/key/dossierApproval", "quangtri.owner").status()).isEqualTo(200);
    assertThat(http.get("/engine-rest/history/process-instance?processInstanceId=" + instanceId, "quangtri.owner")
        .json()).isEmpty();
  }

  private List<String> variableDoors() {
    List<String> doors = new ArrayList<>();
    doors.add("/history/variable-instance?processInstanceId=" + instanceId);
    doors.add("/history/detail?processInstanceId=" + instanceId);
    doors.add("/variable-instance?processInstanceIdIn=" + instanceId);
    doors.add("/process-instance/" + instanceId + "/variables");
    doors.add("/process-instance/" + instanceId + "/variables/idNumber");
    doors.add("/task/" + taskId + "/variables");
    doors.add("/task/" + taskId + "/variables/idNumber");
    doors.add("/task/" + taskId + "/form-variables");
    doors.add("/task/" + taskId + "/form-variables?variableNames=idNumber,phone");
    return doors;
  }

  private void expectNothing(SoftAssertions softly, String user, String door, Http.Answer answer, Integer... alsoAllowed) {
    List<Integer> allowed = new ArrayList<>(List.of(200, 401, 403, 404));
    allowed.addAll(List.of(alsoAllowed));
    softly.assertThat(answer.status()).as(user + " " + door).isIn(allowed);
    softly.assertThat(answer.body()).as(user + " " + door).doesNotContain(idNumber).doesNotContain(phone)
        .doesNotContain(address).doesNotContain(email);
    if (answer.status() == 200 && answer.body().startsWith("[")) {
      softly.assertThat(answer.json()).as(user + " " + door).isEmpty();
    }
  }
}
