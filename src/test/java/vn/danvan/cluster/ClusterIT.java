package vn.danvan.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngines;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.event.ApplicationContextInitializedEvent;
import org.springframework.boot.web.servlet.context.ServletWebServerApplicationContext;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.context.support.ServletRequestHandledEvent;
import vn.danvan.DanvanApplication;
import vn.danvan.dossier.DossierProcess;
import vn.danvan.notify.Notification;
import vn.danvan.notify.NotificationDispatcher;
import vn.danvan.notify.NotificationKind;
import vn.danvan.notify.NotificationSamples;
import vn.danvan.notify.NotificationService;
import vn.danvan.support.Nginx;
import vn.danvan.support.Http;
import vn.danvan.support.JarProcess;
import vn.danvan.support.PostgresTestDatabase;
import vn.danvan.support.Webapp;

/**
 * Two nodes of one cluster: two application contexts, each with its own web server (port),
 * connection pool and beans, on one PostgreSQL database, started at the same time as
 * docker-compose starts them. A webapp login on one node is a login on the other, failed logins and
 * the public rate limit count across both, and the outbox dispatchers of both send each message
 * once. Tomcat trusts {@code X-Forwarded-For} from 127.0.0.1 here, as it trusts the reverse proxy in
 * docker-compose.yml, so that the tests can speak for several client addresses.
 *
 * <p>Both contexts live in one JVM, where Camunda's static engine registry holds one engine named
 * "default" (the last started): the webapps of both nodes reach the engine through it. Everything
 * this test is about (sessions, throttle, limits, outbox) is per context.
 */
class ClusterIT {

  private static final int SMTP_PORT = JarProcess.freePort();
  private static final String CITIZEN = NotificationSamples.CITIZEN;

  private static GreenMail smtp;
  private static ProcessEngine previousDefault;
  private static ConfigurableApplicationContext nodeA;
  private static ConfigurableApplicationContext nodeB;
  private static Http a;
  private static Http b;
  private static JdbcTemplate jdbc;
  /** Spring MVC requests each node handled (ServletRequestHandledEvent), to see where the proxy sent them. */
  private static final Map<String, AtomicInteger> HANDLED = new ConcurrentHashMap<>();
  private static Process nginx;

  @BeforeAll
  static void startTwoNodesAtOnce() throws Exception {
    previousDefault = ProcessEngines.getProcessEngines().get("default");
    smtp = new GreenMail(new ServerSetup(SMTP_PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
    smtp.start();
    PostgresTestDatabase.Database database = PostgresTestDatabase.newDatabase();
    ExecutorService starter = Executors.newFixedThreadPool(2);
    // Logback is one per JVM and set up by each application as it starts: B begins once A's logging is
    // in place (A's context is then being created); the engines, migrations and seeders of both run at once.
    CountDownLatch loggingReady = new CountDownLatch(1);
    try {
      Future<ConfigurableApplicationContext> first = starter.submit(() -> node("node-a", database, loggingReady));
      loggingReady.await();
      Future<ConfigurableApplicationContext> second = starter.submit(() -> node("node-b", database, new CountDownLatch(1)));
      nodeA = first.get();
      nodeB = second.get();
    } finally {
      starter.shutdownNow();
    }
    a = new Http(port(nodeA));
    b = new Http(port(nodeB));
    for (var node : Map.of("node-a", nodeA, "node-b", nodeB).entrySet()) {
      HANDLED.put(node.getKey(), new AtomicInteger());
      node.getValue().addApplicationListener((ApplicationListener<ServletRequestHandledEvent>) event ->
          HANDLED.get(node.getKey()).incrementAndGet());
    }
    jdbc = nodeA.getBean(JdbcTemplate.class);
  }

  @AfterAll
  static void stopNodes() {
    if (nginx != null) {
      nginx.destroy();
    }
    for (ConfigurableApplicationContext node : new ConfigurableApplicationContext[] {nodeA, nodeB}) {
      if (node != null) {
        node.close();
      }
    }
    if (smtp != null) {
      smtp.stop();
    }
    // the tests that run after this one find the engine they registered before
    if (previousDefault != null) {
      ProcessEngines.registerProcessEngine(previousDefault);
    }
  }

  private static ConfigurableApplicationContext node(String name, PostgresTestDatabase.Database database,
      CountDownLatch loggingReady) {
    return new SpringApplicationBuilder(DanvanApplication.class).profiles("demo")
        .listeners((ApplicationListener<ApplicationContextInitializedEvent>) event -> loggingReady.countDown())
        // as command-line arguments: they win over application*.yaml, as an operator's settings would
        .run(
        "--server.port=0",
        "--DANVAN_DB_URL=" + database.url(),
        "--DANVAN_DB_USER=" + database.user(),
        "--DANVAN_DB_PASSWORD=" + database.password(),
        "--DANVAN_NODE_NAME=" + name,
        "--camunda.bpm.job-execution.enabled=false",
        // the process-coverage plugin of the test classpath works only inside a Spring test context
        "--spring.autoconfigure.exclude="
            + "org.camunda.community.process_test_coverage.spring_test.platform7.ProcessEngineCoverageConfiguration",
        // the demo's sample dossiers, off for the other tests (pom.xml): both nodes try to seed them
        "--danvan.demo.seed-dossiers=true",
        "--danvan.signing.keystore-dir=target/demo-signing",
        "--danvan.notify.dispatch.enabled=false",
        "--danvan.notify.dispatch.batch-size=5",
        "--spring.mail.host=127.0.0.1",
        "--spring.mail.port=" + SMTP_PORT,
        // the client address from X-Forwarded-For, trusted from 127.0.0.1 only (the proxy's place)
        "--DANVAN_TRUSTED_PROXIES=127\\.0\\.0\\.1",
        // two free failures per user name, locked at the third; no waits; every check reads the shared counts
        "--danvan.security.login.per-user.free-failures=2",
        "--danvan.security.login.per-user.lock-after=3",
        "--danvan.security.login.initial-delay=PT0S",
        "--danvan.security.login.max-delay=PT0S",
        "--danvan.security.login.shared-refresh=PT0S",
        "--danvan.public.rate-limit.per-minute=4",
        "--danvan.security.process-grants-file=src/test/resources/security/test-process-grants.yaml");
  }

  @Test
  void bothNodesStartedAtOnceOnAnEmptyDatabaseAndSeededTheDemoOnce() {
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM dv_demo_seed", Integer.class)).isEqualTo(1);
    ProcessEngine engine = nodeA.getBean(ProcessEngine.class);
    // five dossiers in each of the two demo communes
    assertThat(engine.getHistoryService().createHistoricProcessInstanceQuery()
        .processDefinitionKey(DossierProcess.KEY).count()).isEqualTo(10);
    assertThat(nodeA.getBean(NodeName.class).name()).isEqualTo("node-a");
    assertThat(nodeB.getBean(NodeName.class).name()).isEqualTo("node-b");
  }

  @Test
  void aTasklistLoginOnOneNodeServesTheOtherAndALogoutOnEitherEndsIt() {
    Webapp onA = Webapp.login(a, "dongha.specialist", "tasklist");
    int sessions = sessions();
    Webapp onB = onA.on(b);

    Http.Answer user = onB.get("/camunda/api/admin/auth/user/default");
    assertThat(user.status()).as(user.body()).isEqualTo(200);
    assertThat(user.json().path("userId").asText()).isEqualTo("dongha.specialist");
    assertThat(user.json().path("authorizedApps").toString()).contains("tasklist");
    // our /api with the webapp session, on the node that did not see the login
    assertThat(onB.get("/api/procedures").status()).isEqualTo(200);

    // a changing request on B with the CSRF token of the session begun on A: the task is claimed
    Task task = nodeA.getBean(ProcessEngine.class).getTaskService().createTaskQuery().tenantIdIn("dongha")
        .taskDefinitionKey(DossierProcess.TASK_APPRAISE).taskUnassigned().list().get(0);
    String claim = "/camunda/api/engine/engine/default/task/" + task.getId() + "/claim";
    Http.Answer claimed = onB.postJson(claim, "{\"userId\":\"dongha.specialist\"}");
    assertThat(claimed.status()).as(claimed.body()).isEqualTo(204);
    assertThat(nodeB.getBean(ProcessEngine.class).getTaskService().createTaskQuery().taskId(task.getId())
        .singleResult().getAssignee()).isEqualTo("dongha.specialist");
    assertThat(sessions()).as("no new session: the one of A served B").isEqualTo(sessions);

    // logged out on B: gone on A too, and from the table
    assertThat(onB.postJson("/camunda/api/admin/auth/user/default/logout", "{}").status()).isLessThan(300);
    assertThat(onA.get("/camunda/api/admin/auth/user/default").status()).isNotEqualTo(200);
    assertThat(onA.get("/api/procedures").status()).isEqualTo(401);
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM dv_session WHERE session_id = ?", Integer.class,
        onA.sessionCookie())).isZero();

    // Camunda ends a session on a changing request without its CSRF token: on B, and so on A
    Webapp again = Webapp.login(a, "dongha.specialist", "tasklist");
    assertThat(send(again.on(b).withoutCsrfToken(claim.replace("/claim", "/unclaim")), "{}").status())
        .as("without the CSRF token").isEqualTo(403);
    assertThat(again.get("/camunda/api/admin/auth/user/default").status()).isNotEqualTo(200);
  }

  @Test
  void aLoginSessionIsANewSessionAndHttpBasicCallsCreateNone() {
    Http.Answer page = a.get("/camunda/app/tasklist/default/");
    String before = page.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("JSESSIONID="))
        .map(c -> c.substring("JSESSIONID=".length(), c.indexOf(';'))).findFirst().orElseThrow();
    Webapp login = Webapp.login(a, "dongha.officer", "tasklist");
    assertThat(login.sessionCookie()).as("session fixation: a new id at login").isNotEqualTo(before);

    int sessions = sessions();
    for (int i = 0; i < 3; i++) {
      assertThat(a.get("/api/procedures", "dongha.officer").status()).isEqualTo(200);
      assertThat(b.get("/engine-rest/task?maxResults=1", "dongha.officer").status()).isEqualTo(200);
    }
    assertThat(sessions()).as("HTTP Basic is stateless: no session rows").isEqualTo(sessions);
  }

  @Test
  void failedLoginsOnOneNodeCountOnTheOtherAndTheLockHoldsOnBoth() {
    assertThat(basic(a, "203.0.113.1", "camlo.officer", "wrong").status()).isEqualTo(401);
    assertThat(basic(b, "203.0.113.2", "camlo.officer", "wrong").status()).isEqualTo(401);
    assertThat(basic(a, "203.0.113.3", "camlo.officer", "wrong").status()).as("third failure: locked").isEqualTo(401);

    Http.Answer onB = basic(b, "203.0.113.4", "camlo.officer", "demo");
    assertThat(onB.status()).as("the right password on B, locked by failures on A and B").isEqualTo(429);
    assertThat(Long.parseLong(onB.headers().firstValue("Retry-After").orElseThrow())).isGreaterThan(60);
    assertThat(basic(a, "203.0.113.5", "camlo.officer", "demo").status()).isEqualTo(429);
    // another user from the same addresses is not affected
    assertThat(basic(b, "203.0.113.2", "camlo.specialist", "demo").status()).isEqualTo(200);
    assertThat(jdbc.queryForObject("SELECT failures FROM dv_login_failure WHERE key_kind = 'USER' AND key_value = ?",
        Integer.class, "camlo.officer")).isEqualTo(3);
  }

  @Test
  void thePublicLimitIsOneLimitAcrossBothNodes() {
    String lookup = "/api/public/dossiers/DONGHA-000000-0000?phone4=1234";
    for (Http node : List.of(a, b, a, b)) {
      assertThat(publicLookup(node, "198.51.100.7", lookup).status()).isEqualTo(404);
    }
    Http.Answer refused = publicLookup(a, "198.51.100.7", lookup);
    assertThat(refused.status()).as("the fifth lookup in a minute, four allowed across the cluster").isEqualTo(429);
    assertThat(refused.headers().firstValue("Retry-After")).isPresent();
    assertThat(publicLookup(b, "198.51.100.7", lookup).status()).isEqualTo(429);
    assertThat(publicLookup(b, "198.51.100.8", lookup).status()).as("another client").isEqualTo(404);
  }

  @Test
  void theDispatchersOfBothNodesSendEachQueuedMessageExactlyOnce() throws Exception {
    int messages = 40;
    NotificationService notifications = nodeA.getBean(NotificationService.class);
    // only this test's messages (the demo dossiers queued their own)
    jdbc.update("DELETE FROM dv_notification");
    for (int i = 1; i <= messages; i++) {
      String caseRef = String.format("DH-2026-%06d", 5000 + i);
      new TransactionTemplate(nodeA.getBean(PlatformTransactionManager.class)).executeWithoutResult(status ->
          notifications.queue(Notification.email(CITIZEN, NotificationKind.RECEIPT, caseRef, "dongha",
              NotificationSamples.receipt())));
    }
    smtp.purgeEmailFromAllMailboxes();

    // two dispatchers on each node, all four at once, each running until nothing is due
    List<NotificationDispatcher> dispatchers = List.of(nodeA.getBean(NotificationDispatcher.class),
        nodeA.getBean(NotificationDispatcher.class), nodeB.getBean(NotificationDispatcher.class),
        nodeB.getBean(NotificationDispatcher.class));
    ExecutorService pool = Executors.newFixedThreadPool(dispatchers.size());
    CountDownLatch start = new CountDownLatch(1);
    List<Integer> sentByEach = new ArrayList<>();
    try {
      List<Future<Integer>> runs = new ArrayList<>();
      for (NotificationDispatcher dispatcher : dispatchers) {
        Callable<Integer> run = () -> {
          start.await();
          int sent = 0;
          for (int more = dispatcher.dispatchDue(); more > 0; more = dispatcher.dispatchDue()) {
            sent += more;
          }
          return sent;
        };
        runs.add(pool.submit(run));
      }
      start.countDown();
      for (Future<Integer> run : runs) {
        sentByEach.add(run.get());
      }
    } finally {
      pool.shutdownNow();
    }

    assertThat(sentByEach.stream().mapToInt(Integer::intValue).sum()).isEqualTo(messages);
    MimeMessage[] received = smtp.getReceivedMessages();
    Set<String> subjects = new HashSet<>();
    for (MimeMessage message : received) {
      subjects.add(message.getSubject());
    }
    assertThat(received).as("each message once").hasSize(messages);
    assertThat(subjects).hasSize(messages);
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM dv_notification WHERE case_ref LIKE 'DH-2026-005%'"
        + " AND state = 'SENT' AND attempts = 1", Integer.class)).isEqualTo(messages);
  }

  @Test
  void throughTheProxyEveryNodeServesTheSameLoginAndTheClientCannotChooseItsAddress() throws Exception {
    Nginx.require();
    Http proxy = new Http(startNginx());

    // round robin, no stickiness: one login, served by both nodes
    Webapp login = Webapp.login(proxy, "camlo.specialist", "tasklist");
    for (int i = 0; i < 4; i++) {
      assertThat(login.get("/camunda/api/admin/auth/user/default").status()).isEqualTo(200);
    }
    int beforeA = HANDLED.get("node-a").get();
    int beforeB = HANDLED.get("node-b").get();
    for (int i = 0; i < 6; i++) {
      assertThat(login.get("/api/procedures").status()).isEqualTo(200);
    }
    assertThat(HANDLED.get("node-a").get() - beforeA).as("requests node A handled").isPositive();
    assertThat(HANDLED.get("node-b").get() - beforeB).as("requests node B handled").isPositive();

    // the proxy replaces the client's X-Forwarded-For with the address it sees
    Http.Answer forged = proxy.send(proxy.request("/api/procedures", null)
        .header("Authorization", Http.basic("proxy.stranger", "wrong")).header("X-Forwarded-For", "203.0.113.200")
        .GET().build());
    assertThat(forged.status()).isEqualTo(401);
    assertThat(jdbc.queryForList("SELECT key_value FROM dv_login_failure WHERE key_kind = 'ADDRESS'", String.class))
        .contains("127.0.0.1").doesNotContain("203.0.113.200");
  }

  /** nginx with the project's src/main/proxy/nginx.conf, its upstream pointed at the two nodes; its port. */
  private static int startNginx() throws IOException {
    Path dir = Files.createTempDirectory("danvan-proxy");
    int port = JarProcess.freePort();
    String config = Files.readString(Path.of("src/main/proxy/nginx.conf"))
        .replace("server app-1:8080", "server 127.0.0.1:" + port(nodeA))
        .replace("server app-2:8080", "server 127.0.0.1:" + port(nodeB))
        .replace("listen 8080;", "listen 127.0.0.1:" + port + ";");
    Files.writeString(dir.resolve("nginx.conf"), config);
    nginx = new ProcessBuilder(Nginx.BINARY.toString(), "-p", dir.toString(), "-c", dir.resolve("nginx.conf").toString(),
        "-g", "daemon off; pid " + dir.resolve("nginx.pid") + "; error_log " + dir.resolve("error.log") + ";")
        .redirectErrorStream(true).redirectOutput(dir.resolve("nginx.out").toFile()).start();
    Http proxy = new Http(port);
    for (int i = 0; i < 100; i++) {
      try {
        if (proxy.get("/engine-rest/engine").status() == 200) {
          return port;
        }
      } catch (UncheckedIOException notListeningYet) {
        // nginx is still starting
      }
      try {
        Thread.sleep(100);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
    throw new IllegalStateException("nginx did not start: " + Files.readString(dir.resolve("nginx.out")));
  }

  // ---- helpers ----

  private static int sessions() {
    return jdbc.queryForObject("SELECT COUNT(*) FROM dv_session", Integer.class);
  }

  private static Http.Answer basic(Http node, String client, String user, String password) {
    return node.send(node.request("/api/procedures", null).header("Authorization", Http.basic(user, password))
        .header("X-Forwarded-For", client).GET().build());
  }

  private static Http.Answer publicLookup(Http node, String client, String path) {
    return node.send(node.request(path, null).header("X-Forwarded-For", client).GET().build());
  }

  private static Http.Answer send(HttpRequest.Builder request, String json) {
    return a.send(request.header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(json)).build());
  }

  private static int port(ConfigurableApplicationContext node) {
    return ((ServletWebServerApplicationContext) node).getWebServer().getPort();
  }

}
