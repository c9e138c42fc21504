package vn.danvan.migration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.servlet.context.ServletWebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import vn.danvan.DanvanApplication;
import vn.danvan.support.Http;
import vn.danvan.support.JarProcess;
import vn.danvan.support.PostgresTestDatabase;
import vn.danvan.support.ProcedureSamples;

/**
 * A province moving from Camunda 7.24 to Operaton: the Camunda-built application (the default
 * build's jar, started as its own {@code java -jar} process) receives dossiers on a PostgreSQL
 * database and is stopped with some waiting at appraisal and some at approval (each with its step
 * timers); then this build's application (Operaton) starts on the same database, its schema update
 * accepts the tables Camunda wrote, and the officials finish every dossier over HTTP: appraise,
 * approve, the asynchronous signing job, return. Each ends RETURNED with the documents and numbers
 * it had under Camunda, and the timers are the same jobs.
 *
 * <p>Runs in the Operaton build only ({@code ./mvnw -Poperaton verify}, after the default build has
 * made its jar, as {@code .ci/run} does); elsewhere it is skipped with the reason.
 */
class OperatonMigrationIT {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String UNIT = "dongha";
  private static final String OFFICER = UNIT + ".officer";
  private static final String SPECIALIST = UNIT + ".specialist";
  private static final String LEADER = UNIT + ".chairman";
  private static final String ADMIN = "demo";
  private static final Duration STARTUP = Duration.ofMinutes(4);
  private static final Duration SIGNING = Duration.ofMinutes(2);

  private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private int port;

  @Test
  void dossiersInFlightUnderCamundaFinishUnderOperaton() throws Exception {
    // After the build's rewrite this names Operaton's engine class; in the Camunda build, Camunda's.
    Assumptions.assumeTrue(ProcessEngine.class.getName().startsWith("org.operaton."),
        "runs in the Operaton build (./mvnw -Poperaton verify): this build is Camunda's");
    Path camundaJar = Path.of(System.getProperty("danvan.camunda.jar", "target/danvan-0.1.0-SNAPSHOT.jar"));
    if (!Files.isRegularFile(camundaJar)) {
      String reason = "no Camunda-built jar at " + camundaJar.toAbsolutePath()
          + ": run ./mvnw verify (the default build) first, as .ci/run does";
      if (System.getenv("CI") != null) {
        fail(reason); // in CI the jar is built first: its absence is a broken pipeline, not a skip
      }
      Assumptions.abort(reason);
    }

    PostgresTestDatabase.Database database = PostgresTestDatabase.newDatabase();
    Path keys = Files.createTempDirectory("danvan-migration-keys");
    Path log = Path.of("target", "operaton-migration-camunda-run.log").toAbsolutePath();
    Files.createDirectories(log.getParent());
    port = JarProcess.freePort();

    // 1. Camunda 7.24: four dossiers in flight, two at appraisal, two at approval.
    Map<String, JsonNode> before = new LinkedHashMap<>();
    Map<String, List<String>> timersBefore = new LinkedHashMap<>();
    List<String> atAppraisal = new ArrayList<>();
    List<String> atApproval = new ArrayList<>();
    JdbcTemplate jdbc = new JdbcTemplate(new DriverManagerDataSource(database.url(), database.user(),
        database.password()));
    JarProcess camunda = JarProcess.start("the Camunda-built application",
        List.of("-Duser.timezone=Asia/Ho_Chi_Minh", "-Dfile.encoding=UTF-8"), camundaJar,
        List.of(arguments(database, keys)), Map.of("SPRING_PROFILES_ACTIVE", "demo"), log);
    try {
      camunda.awaitUp(URI.create("http://localhost:" + port + "/engine-rest/engine"), null, STARTUP);
      assertThat(get("/engine-rest/version", ADMIN).path("version").asText()).as("engine of the first run")
          .startsWith("7.24");
      for (int n = 0; n < 4; n++) {
        String code = receive(n);
        if (n < 2) {
          atAppraisal.add(code);
        } else {
          claimAndComplete(task(code, "Task_AppraiseDossier", SPECIALIST), SPECIALIST,
              "{\"appraisalResult\":{\"value\":\"PROPOSE_APPROVE\"},"
                  + "\"appraisalOpinion\":{\"value\":\"Hồ sơ hợp lệ, đề nghị chứng thực\"}}");
          task(code, "Task_ApproveResult", LEADER); // waiting at approval
          atApproval.add(code);
        }
        before.put(code, get("/api/dossiers/" + code, OFFICER));
        timersBefore.put(code, timersInDatabase(jdbc, code));
      }
    } finally {
      camunda.stop(Duration.ofSeconds(60)); // SIGTERM, as an operator stops the service
    }
    for (String code : atApproval) {
      assertThat(timersBefore.get(code)).as("step timers of %s waiting at approval", code).isNotEmpty();
    }

    // 2. Operaton on the same database: this build's application, in this JVM.
    try (ConfigurableApplicationContext operaton = new SpringApplicationBuilder(DanvanApplication.class)
        .profiles("demo").run(arguments(database, keys))) {
      port = ((ServletWebServerApplicationContext) operaton).getWebServer().getPort();
      assertThat(get("/engine-rest/version", ADMIN).path("version").asText()).as("engine of the second run")
          .startsWith("1.");

      for (String code : before.keySet()) {
        assertThat(timersInEngine(operaton, code)).as("the same timer jobs of %s after the move", code)
            .containsExactlyInAnyOrderElementsOf(timersBefore.get(code));
      }
      for (String code : atAppraisal) {
        claimAndComplete(task(code, "Task_AppraiseDossier", SPECIALIST), SPECIALIST,
            "{\"appraisalResult\":{\"value\":\"PROPOSE_APPROVE\"},"
                + "\"appraisalOpinion\":{\"value\":\"Hồ sơ hợp lệ, đề nghị chứng thực\"}}");
      }
      for (String code : before.keySet()) {
        claimAndComplete(task(code, "Task_ApproveResult", LEADER), LEADER, "{\"approvalDecision\":{\"value\":\"APPROVE\"}}");
      }
      for (String code : before.keySet()) {
        // the job executor signs the result; the return task appears when it has
        String handOver = awaitTask(code, "Task_ReturnResult", OFFICER);
        claimAndComplete(handOver, OFFICER, "{\"resultHandedOver\":{\"value\":true},\"satisfaction\":{\"value\":\"4\"}}");
      }

      TreeSet<String> numbers = new TreeSet<>();
      int documents = 0;
      for (Map.Entry<String, JsonNode> entry : before.entrySet()) {
        JsonNode after = get("/api/dossiers/" + entry.getKey(), OFFICER);
        JsonNode earlier = entry.getValue();
        assertThat(after.path("state").asText()).as("state of %s", entry.getKey()).isEqualTo("RETURNED");
        assertThat(after.path("receivedAt").asText()).isEqualTo(earlier.path("receivedAt").asText());
        assertThat(after.path("appointmentAt").asText()).isEqualTo(earlier.path("appointmentAt").asText());
        for (JsonNode document : earlier.path("documents")) {
          assertThat(after.path("documents")).as("documents of %s", entry.getKey())
              .anySatisfy(d -> {
                assertThat(d.path("id").asText()).isEqualTo(document.path("id").asText());
                assertThat(d.path("number").asText()).isEqualTo(document.path("number").asText());
                assertThat(d.path("kind").asText()).isEqualTo(document.path("kind").asText());
              });
        }
        assertThat(after.path("documents").size()).as("documents of %s: the result came on top", entry.getKey())
            .isGreaterThan(earlier.path("documents").size());
        for (JsonNode document : after.path("documents")) {
          documents++;
          if (!document.path("number").isNull() && !document.path("number").asText().isEmpty()) {
            numbers.add(document.path("number").asText());
          }
        }
        assertThat(after.path("documents")).as("signed result of %s", entry.getKey())
            .anySatisfy(d -> assertThat(d.path("state").asText()).isEqualTo("SIGNED"));
      }
      assertThat(numbers).as("document numbers stay unique across the move").hasSizeGreaterThan(before.size());
      System.out.println("MIGRATION " + before.size() + " dossiers moved from Camunda 7.24 to Operaton and returned, "
          + documents + " documents, " + numbers.size() + " distinct numbers");
    }
  }

  /** The same settings for both runs: the demo on the test database, this port, no seeded dossiers. */
  private String[] arguments(PostgresTestDatabase.Database database, Path keys) {
    return new String[] {
        "--server.port=" + port,
        "--DANVAN_DB_URL=" + database.url(),
        "--DANVAN_DB_USER=" + database.user(),
        "--DANVAN_DB_PASSWORD=" + database.password(),
        "--danvan.demo.seed-dossiers=false",
        "--danvan.signing.keystore-dir=" + keys,
        "--danvan.notify.dispatch.enabled=false"};
  }

  private String receive(int n) throws Exception {
    String body = ProcedureSamples.apiBody("""
        {"procedureCode":"CERTIFIED_COPY","unit":"%s","applicantName":"Nguyễn Văn An","idNumber":"0452%08d",
         "phone":"09%08d","email":"an@example.vn","channel":"COUNTER","applicantAddress":"12 Lê Duẩn, Đông Hà",
         "documentList":"Bản chính và bản sao giấy tờ"}""".formatted(UNIT, n, n));
    return call("POST", "/api/dossiers", OFFICER, body, 201).path("code").asText();
  }

  /** The timer jobs of the dossier's case, as rows in the database (what the move must keep). */
  private static List<String> timersInDatabase(JdbcTemplate jdbc, String code) {
    return jdbc.queryForList("SELECT j.id_ FROM act_ru_job j JOIN act_ru_execution e ON e.id_ = j.process_instance_id_"
        + " WHERE j.type_ = 'timer' AND e.business_key_ = ? ORDER BY j.id_", String.class, code);
  }

  /** The same, as Operaton's engine sees them. */
  private static List<String> timersInEngine(ConfigurableApplicationContext app, String code) {
    ProcessInstance instance = app.getBean(RuntimeService.class).createProcessInstanceQuery()
        .processInstanceBusinessKey(code).singleResult();
    assertThat(instance).as("process instance of %s", code).isNotNull();
    return app.getBean(ManagementService.class).createJobQuery().timers().processInstanceId(instance.getId()).list()
        .stream().map(Job::getId).sorted().toList();
  }

  private String task(String code, String taskKey, String user) throws Exception {
    JsonNode tasks = get(tasksOf(code, taskKey), user);
    assertThat(tasks.size()).as("%s sees %s of %s", user, taskKey, code).isEqualTo(1);
    return tasks.get(0).path("id").asText();
  }

  private String awaitTask(String code, String taskKey, String user) throws Exception {
    long deadline = System.nanoTime() + SIGNING.toNanos();
    while (System.nanoTime() < deadline) {
      JsonNode tasks = get(tasksOf(code, taskKey), user);
      if (!tasks.isEmpty()) {
        return tasks.get(0).path("id").asText();
      }
      Thread.sleep(100);
    }
    return fail(code + ": no " + taskKey + " within " + SIGNING + " (the signing job did not run)");
  }

  private static String tasksOf(String code, String taskKey) {
    return "/engine-rest/task?processInstanceBusinessKey=" + code + "&taskDefinitionKey=" + taskKey;
  }

  private void claimAndComplete(String taskId, String user, String variables) throws Exception {
    call("POST", "/engine-rest/task/" + taskId + "/claim", user, "{\"userId\":\"" + user + "\"}", 204);
    call("POST", "/engine-rest/task/" + taskId + "/complete", user, "{\"variables\":" + variables + "}", 204);
  }

  private JsonNode get(String path, String user) throws Exception {
    return call("GET", path, user, null, 200);
  }

  private JsonNode call(String method, String path, String user, String json, int expected) throws Exception {
    HttpResponse<String> answer = client.send(request(method, path, user, json),
        HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    assertThat(answer.statusCode()).as("%s %s: %s", method, path, answer.body()).isEqualTo(expected);
    return answer.body().isEmpty() ? JSON.nullNode() : JSON.readTree(answer.body());
  }

  private HttpRequest request(String method, String path, String user, String json) {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
        .timeout(Duration.ofSeconds(30));
    if (user != null) {
      request.header("Authorization", Http.basic(user, "demo"));
    }
    Http.withJson(request, method, json);
    return request.build();
  }
}
