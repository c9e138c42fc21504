package vn.danvan.duty;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.util.function.BiFunction;
import org.assertj.core.api.SoftAssertions;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import vn.danvan.support.Http;
import vn.danvan.support.ProcedureSamples;
import vn.danvan.support.RunningApplicationTest;
import vn.danvan.support.Webapp;

/**
 * A task goes only to users of its unit who hold its role, through every door that hands it over
 * (assignee, delegate, claim for someone else, candidate users and groups, task update), in
 * {@code /engine-rest} and in Tasklist's API: 400 naming the field, and nothing changed. A diagram
 * cannot hand a process's tasks to a role the grants file does not let work on it.
 */
class TaskReassignmentIT extends RunningApplicationTest {

  @Autowired TaskService tasks;
  @Autowired RuntimeService runtime;
  @Autowired RepositoryService repository;

  String taskId;

  @BeforeEach
  void receiveDossier() {
    Http.Answer received = http.postJson("/api/dossiers", "dongha.officer", ProcedureSamples.apiBody("""
        {"procedureCode":"CERTIFIED_COPY","unit":"dongha","applicantName":"Hồ Thị Xuân","idNumber":"045201005555",
         "phone":"0912000555","channel":"COUNTER","documentList":"Bản chính và bản sao giấy tờ"}"""));
    assertThat(received.status()).as(received.body()).isEqualTo(201);
    String code = received.json().path("code").asText();
    taskId = http.get("/engine-rest/task?processInstanceBusinessKey=" + code, "dongha.specialist").json().get(0)
        .path("id").asText();
  }

  @Test
  void leaderCannotHandTheTaskOutsideTheUnitOrTheRoleThroughEngineRest() {
    refusedEverywhere((path, json) -> http.send(http.request("/engine-rest" + path, "dongha.chairman")
        .header("Content-Type", "application/json").method(method(path), HttpRequest.BodyPublishers.ofString(json)).build()),
        (path, json) -> http.send(http.request("/engine-rest" + path, "dongha.specialist")
            .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)).build()));
  }

  @Test
  void leaderCannotHandTheTaskOutsideTheUnitOrTheRoleThroughTasklist() {
    Webapp leader = Webapp.login(http, "dongha.chairman", "tasklist");
    Webapp specialist = Webapp.login(http, "dongha.specialist", "tasklist");
    refusedEverywhere((path, json) -> http.send(leader.request("/camunda/api/engine/engine/default" + path)
        .header("Content-Type", "application/json").method(method(path), HttpRequest.BodyPublishers.ofString(json)).build()),
        (path, json) -> specialist.postJson("/camunda/api/engine/engine/default" + path, json));
  }

  @Test
  void leaderHandsTheTaskToASpecialistOfTheUnit() {
    Http.Answer assigned = http.postJson("/engine-rest/task/" + taskId + "/assignee", "dongha.chairman",
        "{\"userId\":\"dongha.specialist\"}");
    assertThat(assigned.status()).as(assigned.body()).isEqualTo(204);
    assertThat(tasks.createTaskQuery().taskId(taskId).singleResult().getAssignee()).isEqualTo("dongha.specialist");
    Http.Answer candidate = http.postJson("/engine-rest/task/" + taskId + "/identity-links", "dongha.vicechair",
        "{\"userId\":\"dongha.specialist\",\"type\":\"candidate\"}");
    assertThat(candidate.status()).as(candidate.body()).isEqualTo(204);
  }

  @Test
  void whoClaimsForThemselvesNeedsTheTasksRoleAndUnitInTheirLogin() {
    // the administrator may claim any task as far as the engine's authorizations go, but holds
    // neither the specialist's role nor the unit: refused from the groups and units of the login
    for (Http.Answer refused : java.util.List.of(
        http.postJson("/engine-rest/task/" + taskId + "/claim", "demo", "{\"userId\":\"demo\"}"),
        Webapp.login(http, "demo", "tasklist").postJson("/camunda/api/engine/engine/default/task/" + taskId + "/claim",
            "{\"userId\":\"demo\"}"))) {
      assertThat(refused.status()).as(refused.body()).isEqualTo(400);
      assertThat(refused.json().path("message").asText()).as(refused.body()).startsWith("userId:");
    }
    // a leader of the unit is not a candidate either: the engine refuses first
    Http.Answer leader = http.postJson("/engine-rest/task/" + taskId + "/claim", "dongha.chairman",
        "{\"userId\":\"dongha.chairman\"}");
    assertThat(leader.status()).as(leader.body()).isEqualTo(403);
    assertThat(tasks.createTaskQuery().taskId(taskId).singleResult().getAssignee()).isNull();

    Webapp specialist = Webapp.login(http, "dongha.specialist", "tasklist");
    Http.Answer claimed = specialist.postJson("/camunda/api/engine/engine/default/task/" + taskId + "/claim",
        "{\"userId\":\"dongha.specialist\"}");
    assertThat(claimed.status()).as(claimed.body()).isEqualTo(204);
    assertThat(tasks.createTaskQuery().taskId(taskId).singleResult().getAssignee()).isEqualTo("dongha.specialist");
  }

  @Test
  void aDiagramCannotGiveAProcessToARoleThatDoesNotWorkOnIt() {
    // the process owner edits dossierApproval so that the mobilization team gets its tasks
    String widened = Bpmn.convertToString(Bpmn.createExecutableProcess("dossierApproval").camundaHistoryTimeToLive(1)
        .startEvent().userTask("Task_AppraiseDossier").camundaCandidateGroups("mobilization-team").endEvent().done());
    long versions = repository.createProcessDefinitionQuery().processDefinitionKey("dossierApproval").count();
    Http.Answer refused = deploy("widened", "dossierApproval.bpmn", widened);
    assertThat(refused.status()).as(refused.body()).isEqualTo(400);
    assertThat(refused.body()).contains("Task_AppraiseDossier", "candidateGroups", "mobilization-team");
    assertThat(repository.createProcessDefinitionQuery().processDefinitionKey("dossierApproval").count()).isEqualTo(versions);

    // an expression gets past the deployment, not past the task's creation
    String byExpression = Bpmn.convertToString(Bpmn.createExecutableProcess("widenedAtRunTime").camundaHistoryTimeToLive(1)
        .startEvent().userTask("Task_Peek").camundaCandidateGroups("${'mobilization-team'}").endEvent().done());
    Http.Answer deployed = deploy("widened at run time", "widenedAtRunTime.bpmn", byExpression);
    assertThat(deployed.status()).as(deployed.body()).isEqualTo(200);
    Http.Answer started = http.postJson("/engine-rest/process-definition/key/widenedAtRunTime/start", "demo",
        "{\"variables\":{\"unitCode\":{\"value\":\"dongha\"}}}");
    assertThat(started.status()).as(started.body()).isEqualTo(400);
    assertThat(started.json().path("message").asText()).startsWith("groupId").contains("mobilization-team");
    assertThat(runtime.createProcessInstanceQuery().processDefinitionKey("widenedAtRunTime").count()).isZero();
  }

  private Http.Answer deploy(String name, String file, String bpmn) {
    String body = "--x\r\nContent-Disposition: form-data; name=\"deployment-name\"\r\n\r\n" + name + "\r\n"
        + "--x\r\nContent-Disposition: form-data; name=\"data\"; filename=\"" + file + "\"\r\n"
        + "Content-Type: application/octet-stream\r\n\r\n" + bpmn + "\r\n--x--\r\n";
    return http.send(http.request("/engine-rest/deployment/create", "quangtri.owner")
        .header("Content-Type", "multipart/form-data; boundary=x").POST(HttpRequest.BodyPublishers.ofString(body)).build());
  }

  private static String method(String path) {
    return path.equals(path.replaceAll("/(assignee|delegate|claim|identity-links)$", "")) ? "PUT" : "POST";
  }

  private void refusedEverywhere(BiFunction<String, String, Http.Answer> leader,
      BiFunction<String, String, Http.Answer> candidate) {
    String task = "/task/" + taskId;
    SoftAssertions softly = new SoftAssertions();
    for (String user : new String[] {"camlo.specialist", "dongha.mobilizer", "quangtri.auditor", "no.such.user"}) {
      expect400(softly, "assignee " + user, leader.apply(task + "/assignee", "{\"userId\":\"" + user + "\"}"), "userId");
      expect400(softly, "delegate " + user, leader.apply(task + "/delegate", "{\"userId\":\"" + user + "\"}"), "userId");
      expect400(softly, "candidate user " + user, leader.apply(task + "/identity-links",
          "{\"userId\":\"" + user + "\",\"type\":\"candidate\"}"), "userId");
      expect400(softly, "update " + user, leader.apply(task,
          "{\"name\":\"Thẩm định hồ sơ\",\"priority\":50,\"tenantId\":\"dongha\",\"assignee\":\"" + user + "\"}"), "userId");
      // a candidate may claim for themself, not for someone else
      expect400(softly, "claim for " + user, candidate.apply(task + "/claim", "{\"userId\":\"" + user + "\"}"), "userId");
    }
    expect400(softly, "candidate group", leader.apply(task + "/identity-links",
        "{\"groupId\":\"mobilization-team\",\"type\":\"candidate\"}"), "groupId");
    softly.assertAll();

    var unchanged = tasks.createTaskQuery().taskId(taskId).singleResult();
    assertThat(unchanged.getAssignee()).isNull();
    assertThat(unchanged.getOwner()).isNull();
    assertThat(tasks.getIdentityLinksForTask(taskId)).extracting(IdentityLink::getGroupId).containsExactly("specialist");
  }

  private static void expect400(SoftAssertions softly, String what, Http.Answer answer, String field) {
    softly.assertThat(answer.status()).as(what + ": " + answer.body()).isEqualTo(400);
    if (answer.status() == 400) {
      softly.assertThat(answer.json().path("message").asText()).as(what).startsWith(field + ":");
    }
  }
}
