package vn.danvan.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import vn.danvan.support.Http;
import vn.danvan.support.RunningApplicationTest;

/**
 * The form contracts kept per form reference ({@code danvan.performance.form-cache}), on PostgreSQL
 * through the real deployment door: a task form bound to its latest version is redeployed with
 * another field while a task waits. The application's own contracts (told by the deployment guard)
 * check the new form at once, through REST too; a second instance that hears no deployment event,
 * as another node of a cluster, keeps the old contract until its trusted time has passed.
 */
class FormContractsCacheIT extends RunningApplicationTest {

  @Autowired FormContracts contracts;
  @Autowired TaskService tasks;

  private static String form(String field) {
    return """
        {"id":"form-cache-probe","schemaVersion":16,"type":"default","components":[
          {"type":"number","key":"%s","label":"Số lượng","validate":{"required":true,"min":1,"max":5}}]}"""
        .formatted(field);
  }

  @Test
  void aNewFormVersionCountsAtOnceHereAndWithinTheTrustedTimeElsewhere() {
    String task = deployAndStart("amount");

    AtomicLong nanos = new AtomicLong();
    FormContracts elsewhere = new FormContracts(engine, Duration.ofSeconds(10), nanos::get);
    assertThat(contracts.forTask(task).orElseThrow().editableKeys()).containsExactly("amount");
    assertThat(elsewhere.forTask(task).orElseThrow().editableKeys()).containsExactly("amount");

    deploy(part("form-cache-probe.form", form("count")));

    assertThat(contracts.forTask(task).orElseThrow().editableKeys()).as("on the deploying node, at once")
        .containsExactly("count");
    Http.Answer old = http.postJson("/engine-rest/task/" + task + "/complete", "dongha.specialist",
        "{\"variables\":{\"amount\":{\"value\":3}}}");
    assertThat(old.status()).as(old.body()).isEqualTo(400);
    assertThat(old.json().path("field").asText()).isEqualTo("amount");

    nanos.addAndGet(Duration.ofMillis(9_999).toNanos());
    assertThat(elsewhere.forTask(task).orElseThrow().editableKeys()).as("elsewhere, within the trusted time")
        .containsExactly("amount");
    nanos.addAndGet(Duration.ofMillis(1).toNanos());
    assertThat(elsewhere.forTask(task).orElseThrow().editableKeys()).as("elsewhere, after it").containsExactly("count");

    Http.Answer done = http.postJson("/engine-rest/task/" + task + "/complete", "dongha.specialist",
        "{\"variables\":{\"count\":{\"value\":3}}}");
    assertThat(done.status()).as(done.body()).isEqualTo(204);
  }

  @Test
  void withoutTrustedTimeTheDeployedFormIsReadEveryTime() {
    AtomicLong nanos = new AtomicLong();
    FormContracts never = new FormContracts(engine, Duration.ZERO, nanos::get);
    String task = deployAndStart("first");
    assertThat(never.forTask(task).orElseThrow().editableKeys()).containsExactly("first");
    deploy(part("form-cache-probe.form", form("second")));
    assertThat(never.forTask(task).orElseThrow().editableKeys()).containsExactly("second");
    tasks.complete(task, java.util.Map.of("second", 1L));
  }

  /**
   * Deploys the probe process (its task form bound to the latest version, with one number field
   * named {@code field}) and starts it as the officer; the waiting task's id.
   */
  private String deployAndStart(String field) {
    String startForm = """
        {"id":"form-cache-start","schemaVersion":16,"type":"default","components":[
          {"type":"textfield","key":"title","label":"Tiêu đề"}]}""";
    String bpmn = org.camunda.bpm.model.bpmn.Bpmn.convertToString(org.camunda.bpm.model.bpmn.Bpmn
        .createExecutableProcess("formCacheProbe").camundaHistoryTimeToLive(1)
        .startEvent().camundaFormRef("form-cache-start").camundaFormRefBinding("deployment")
        .userTask("Task_Probe").camundaCandidateGroups("specialist").camundaFormRef("form-cache-probe")
        .camundaFormRefBinding("latest")
        .endEvent().done());
    deploy(part("probe.bpmn", bpmn) + part("form-cache-start.form", startForm) + part("form-cache-probe.form", form(field)));
    Http.Answer started = http.postJson("/engine-rest/process-definition/key/formCacheProbe/start", "dongha.officer",
        "{\"variables\":{\"unitCode\":{\"value\":\"dongha\"},\"title\":{\"value\":\"Thử\"}}}");
    assertThat(started.status()).as(started.body()).isEqualTo(200);
    return tasks.createTaskQuery().processInstanceId(started.json().path("id").asText()).singleResult().getId();
  }

  private void deploy(String parts) {
    String body = "--x\r\nContent-Disposition: form-data; name=\"deployment-name\"\r\n\r\nform cache probe\r\n"
        + parts + "--x--\r\n";
    Http.Answer deployed = http.send(http.request("/engine-rest/deployment/create", "demo")
        .header("Content-Type", "multipart/form-data; boundary=x")
        .POST(HttpRequest.BodyPublishers.ofString(body)).build());
    assertThat(deployed.status()).as(deployed.body()).isEqualTo(200);
  }

  private static String part(String filename, String content) {
    return "--x\r\nContent-Disposition: form-data; name=\"" + filename + "\"; filename=\"" + filename
        + "\"\r\nContent-Type: application/octet-stream\r\n\r\n" + content + "\r\n";
  }
}
