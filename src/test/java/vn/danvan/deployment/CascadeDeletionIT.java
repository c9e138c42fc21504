package vn.danvan.deployment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import vn.danvan.support.Http;
import vn.danvan.support.RunningApplicationTest;

/**
 * Process owners cannot destroy: only administrators delete deployments, and nobody deletes with
 * {@code cascade=true} a deployment or process definition that has cases, through REST or Java.
 */
class CascadeDeletionIT extends RunningApplicationTest {

  @Test
  void cascadingDeletionOfADeploymentWithCasesIsRefusedForOwnerAndAdmin() {
    Deployed deployed = deployAndStart();

    Http.Answer owner = http.send(http.request("/engine-rest/deployment/" + deployed.deploymentId() + "?cascade=true",
        "quangtri.owner").DELETE().build());
    assertThat(owner.status()).as(owner.body()).isIn(403, 409);

    Http.Answer admin = http.send(http.request("/engine-rest/deployment/" + deployed.deploymentId() + "?cascade=true",
        "demo").DELETE().build());
    assertThat(admin.status()).as(admin.body()).isEqualTo(409);
    assertThat(admin.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).startsWith("application/json"));
    assertThat(admin.json().path("message").asText()).contains("cascade=true is refused", deployed.deploymentId(), "1 running or historic case");

    Http.Answer definition = http.send(http.request("/engine-rest/process-definition/" + deployed.definitionId()
        + "?cascade=true", "demo").DELETE().build());
    assertThat(definition.status()).as(definition.body()).isEqualTo(409);
    Http.Answer byKey = http.send(http.request("/engine-rest/process-definition/key/" + deployed.key() + "?cascade=true",
        "demo").DELETE().build());
    assertThat(byKey.status()).as(byKey.body()).isEqualTo(409);

    // the Java API is the same engine: refused too
    assertThatThrownBy(() -> engine.getRepositoryService().deleteDeployment(deployed.deploymentId(), true))
        .isInstanceOf(DeletionRefusedException.class);

    assertThat(engine.getRepositoryService().createDeploymentQuery().deploymentId(deployed.deploymentId()).count()).isOne();
    assertThat(engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(deployed.instanceId()).count()).isOne();
    assertThat(engine.getHistoryService().createHistoricProcessInstanceQuery().processInstanceId(deployed.instanceId()).count())
        .isOne();
  }

  @Test
  void historicCasesAloneAlsoForbidCascadingDeletion() {
    Deployed deployed = deployAndStart();
    engine.getRuntimeService().deleteProcessInstance(deployed.instanceId(), "test: only history remains");
    Http.Answer admin = http.send(http.request("/engine-rest/deployment/" + deployed.deploymentId() + "?cascade=true",
        "demo").DELETE().build());
    assertThat(admin.status()).as(admin.body()).isEqualTo(409);
    // a plain deletion keeps the history, and is allowed to the administrator
    Http.Answer plain = http.send(http.request("/engine-rest/deployment/" + deployed.deploymentId(), "demo").DELETE().build());
    assertThat(plain.status()).as(plain.body()).isEqualTo(204);
    assertThat(engine.getHistoryService().createHistoricProcessInstanceQuery().processInstanceId(deployed.instanceId()).count())
        .isOne();
  }

  @Test
  void ownerCannotDeleteEvenAnEmptyDeploymentAdminCanAndTheLogSaysWho() {
    String key = "p_empty_" + UUID.randomUUID().toString().substring(0, 8);
    String deploymentId = deploy(key);

    Http.Answer owner = http.send(http.request("/engine-rest/deployment/" + deploymentId, "quangtri.owner").DELETE().build());
    assertThat(owner.status()).as(owner.body()).isEqualTo(403);
    assertThat(engine.getRepositoryService().createDeploymentQuery().deploymentId(deploymentId).count()).isOne();

    // without cases, even cascade is harmless: nothing of any unit is lost
    Http.Answer admin = http.send(http.request("/engine-rest/deployment/" + deploymentId + "?cascade=true", "demo")
        .DELETE().build());
    assertThat(admin.status()).as(admin.body()).isEqualTo(204);

    Http.Answer log = http.get("/engine-rest/history/user-operation?entityType=Deployment&deploymentId=" + deploymentId, "demo");
    assertThat(log.status()).isEqualTo(200);
    assertThat(log.json().findValuesAsText("operationType")).contains("Create", "Delete");
    for (var entry : log.json()) {
      String expectedUser = entry.path("operationType").asText().equals("Create") ? "quangtri.owner" : "demo";
      assertThat(entry.path("userId").asText()).as(entry.toString()).isEqualTo(expectedUser);
    }
  }

  /** Cockpit's door: the webapps' own mount of the engine REST API, with a session and a CSRF token. */
  @Test
  void cockpitsMountRefusesTheSameWithTheSameAnswers() {
    Deployed deployed = deployAndStart();
    Session admin = login("demo");
    Http.Answer cascade = http.send(admin.request("/camunda/api/engine/engine/default/deployment/"
        + deployed.deploymentId() + "?cascade=true").DELETE().build());
    assertThat(cascade.status()).as(cascade.body()).isEqualTo(409);
    assertThat(cascade.json().path("message").asText()).contains("cascade=true is refused");

    Session owner = login("quangtri.owner");
    String exploit = DeploymentGuardIT.serviceTask("p_cockpit", "camunda:expression",
        "${identityService.createMembership('quangtri.owner', 'camunda-admin')}");
    String body = "--x\r\nContent-Disposition: form-data; name=\"deployment-name\"\r\n\r\ncockpit-exploit\r\n"
        + "--x\r\nContent-Disposition: form-data; name=\"data\"; filename=\"cockpit.bpmn\"\r\n"
        + "Content-Type: application/octet-stream\r\n\r\n" + exploit + "\r\n--x--\r\n";
    Http.Answer deploy = http.send(owner.request("/camunda/api/engine/engine/default/deployment/create")
        .header("Content-Type", "multipart/form-data; boundary=x")
        .POST(java.net.http.HttpRequest.BodyPublishers.ofString(body)).build());
    assertThat(deploy.status()).as(deploy.body()).isEqualTo(400);
    assertThat(deploy.json().path("message").asText()).contains("element 'Evil'", "attribute 'camunda:expression'");
    Http.Answer delete = http.send(owner.request("/camunda/api/engine/engine/default/deployment/"
        + deployed.deploymentId()).DELETE().build());
    assertThat(delete.status()).as(delete.body()).isEqualTo(403);
    assertThat(engine.getRepositoryService().createDeploymentQuery().deploymentId(deployed.deploymentId()).count()).isOne();
  }

  /** A logged-in webapp session: its cookies and CSRF token. */
  record Session(Http http, String token, String cookies) {
    java.net.http.HttpRequest.Builder request(String path) {
      return http.request(path, null).header("X-XSRF-TOKEN", token).header("Cookie", cookies);
    }
  }

  private Session login(String user) {
    Http.Answer page = http.get("/camunda/app/cockpit/default/");
    String token = cookie(page.headers().allValues("Set-Cookie"), "XSRF-TOKEN");
    String session = cookie(page.headers().allValues("Set-Cookie"), "JSESSIONID");
    Http.Answer login = http.send(http.request("/camunda/api/admin/auth/user/default/login/cockpit", null)
        .header("Content-Type", "application/x-www-form-urlencoded")
        .header("X-XSRF-TOKEN", token).header("Cookie", "XSRF-TOKEN=" + token + "; JSESSIONID=" + session)
        .POST(java.net.http.HttpRequest.BodyPublishers.ofString("username=" + user + "&password=demo")).build());
    assertThat(login.status()).as(login.body()).isEqualTo(200);
    List<String> set = login.headers().allValues("Set-Cookie");
    String newSession = set.stream().anyMatch(c -> c.startsWith("JSESSIONID=")) ? cookie(set, "JSESSIONID") : session;
    String newToken = set.stream().anyMatch(c -> c.startsWith("XSRF-TOKEN=")) ? cookie(set, "XSRF-TOKEN") : token;
    // The token belongs to the session; the logged-in session gets its own with the next page.
    Http.Answer next = http.send(http.request("/camunda/app/cockpit/default/", null)
        .header("Cookie", "XSRF-TOKEN=" + newToken + "; JSESSIONID=" + newSession).GET().build());
    List<String> nextSet = next.headers().allValues("Set-Cookie");
    if (nextSet.stream().anyMatch(c -> c.startsWith("XSRF-TOKEN="))) {
      newToken = cookie(nextSet, "XSRF-TOKEN");
    }
    return new Session(http, newToken, "XSRF-TOKEN=" + newToken + "; JSESSIONID=" + newSession);
  }

  private static String cookie(List<String> setCookies, String name) {
    String c = setCookies.stream().filter(v -> v.startsWith(name + "=")).findFirst().orElseThrow();
    int end = c.indexOf(';');
    return c.substring(name.length() + 1, end < 0 ? c.length() : end);
  }

  record Deployed(String key, String deploymentId, String definitionId, String instanceId) {}

  private Deployed deployAndStart() {
    String key = "p_cases_" + UUID.randomUUID().toString().substring(0, 8);
    String deploymentId = deploy(key);
    Http.Answer started = http.postJson("/engine-rest/process-definition/key/" + key + "/start", "demo",
        "{\"variables\": {\"unitCode\": {\"value\": \"dongha\"}}}");
    assertThat(started.status()).as(started.body()).isEqualTo(200);
    return new Deployed(key, deploymentId, started.json().path("definitionId").asText(), started.json().path("id").asText());
  }

  private String deploy(String key) {
    String diagram = DeploymentGuardIT.bpmn(key, "<bpmn:startEvent id='Start'/>"
        + "<bpmn:userTask id='Wait'/>"
        + "<bpmn:sequenceFlow id='f1' sourceRef='Start' targetRef='Wait'/>");
    Http.Answer answer = DeploymentGuardIT.deployWith(http, "quangtri.owner", key, key + ".bpmn", diagram);
    assertThat(answer.status()).as(answer.body()).isEqualTo(200);
    return answer.json().path("id").asText();
  }
}
