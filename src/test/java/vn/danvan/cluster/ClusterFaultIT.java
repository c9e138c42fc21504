package vn.danvan.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.PDSignature;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestWatcher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import vn.danvan.dossier.DossierProcess;
import vn.danvan.support.Http;
import vn.danvan.support.JarProcess;
import vn.danvan.support.PostgresTestDatabase;

/**
 * A homogeneous two-node cluster on one PostgreSQL, as Camunda's own model has it (identical nodes,
 * the job executor on each): two {@code java -jar} processes of the built application, the demo
 * profile on a fresh database of the tests' embedded PostgreSQL, an SMTP server (GreenMail) that
 * records every e-mail the nodes really send.
 *
 * <ol>
 *   <li>Timers: N timers of a process deployed through the REST API fall due at the same moment
 *       (their job definition is suspended while they are created, then activated); both job
 *       executors fire them; none fires twice ({@code danvan.cluster.timers}, 5000 by default,
 *       100000 with {@code -Pcluster-timers}).
 *   <li>Kill: clients drive whole dossiers through both nodes; node A is killed with SIGKILL while it
 *       holds locked jobs; the clients go on on node B; every dossier ends exactly once, with
 *       gap-free numbers, one signing, one message each, and node A's jobs are retaken by node B.
 * </ol>
 * It asserts counts, never time; it prints lines starting with {@code CLUSTER}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@ExtendWith(ClusterFaultIT.NodeLogsOnFailure.class)
class ClusterFaultIT {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Duration NODE_START = Duration.ofMinutes(4);

  private final int dossiers = Integer.getInteger("danvan.cluster.dossiers", 60);
  private final int clients = Integer.getInteger("danvan.cluster.clients", 8);
  private final int timers = Integer.getInteger("danvan.cluster.timers", 5000);
  private final int timersPerInstance = Integer.getInteger("danvan.cluster.timers-per-instance", 100);

  private GreenMail smtp;
  private ClusterNode nodeA;
  private ClusterNode nodeB;
  private JdbcTemplate db;
  private final HttpClient http = HttpClient.newHttpClient();

  @BeforeAll
  void startPostgresSmtpAndTwoNodes() throws Exception {
    PostgresTestDatabase.Database database = PostgresTestDatabase.newDatabase();
    db = new JdbcTemplate(new DriverManagerDataSource(database.url(), database.user(), database.password()));
    smtp = new GreenMail(new ServerSetup(JarProcess.freePort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
    smtp.start();
    for (String name : List.of("node-a.log", "node-b.log")) {
      Files.deleteIfExists(Path.of("target", "cluster", name));
    }
    nodeA = ClusterNode.of("node-a", database.url(), database.user(), database.password(), smtp.getSmtp().getPort(),
        List.of());
    nodeB = ClusterNode.of("node-b", database.url(), database.user(), database.password(), smtp.getSmtp().getPort(),
        List.of());
    // One after the other: the first creates the schemas, the demo identity and the demo signing keys.
    nodeA.start(NODE_START);
    nodeB.start(NODE_START);
  }

  @AfterAll
  void stopEverything() {
    // no orphan JVM, whatever happened
    for (ClusterNode node : new ClusterNode[] {nodeA, nodeB}) {
      if (node != null) {
        node.stop();
      }
    }
    if (smtp != null) {
      smtp.stop();
    }
  }

  // ---- 1. N timers due at once ----

  @Test
  @Order(1)
  void timersDueAtOnceFireOnBothNodesAndNoneTwice() throws Exception {
    int perInstance = Math.min(timersPerInstance, timers);
    int instances = (timers + perInstance - 1) / perInstance;
    int total = instances * perInstance;
    String key = "clusterTimers";
    Http.Answer deployed = new Http(nodeA.port()).send(new Http(nodeA.port()).request("/engine-rest/deployment/create",
        FailoverClient.ADMIN).header("Content-Type", "multipart/form-data; boundary=x")
        .POST(HttpRequest.BodyPublishers.ofString(multipart("cluster-timers", "clusterTimers.bpmn",
            timerProcess(key, perInstance)), StandardCharsets.UTF_8)).build());
    assertThat(deployed.status()).as(deployed.body()).isEqualTo(200);
    String definitionId = deployed.json().path("deployedProcessDefinitions").fieldNames().next();

    // the timers are created suspended, so that all fall due at one moment: when they are activated
    JsonNode jobDefinitions = get(nodeA, "/engine-rest/job-definition?processDefinitionId=" + definitionId
        + "&activityIdIn=Due");
    assertThat(jobDefinitions).hasSize(1);
    String jobDefinition = jobDefinitions.get(0).path("id").asText();
    put(nodeA, "/engine-rest/job-definition/" + jobDefinition + "/suspended", "{\"suspended\":true,\"includeJobs\":true}");

    ExecutorService starters = Executors.newFixedThreadPool(4);
    try {
      List<Future<?>> started = new ArrayList<>();
      for (int i = 0; i < instances; i++) {
        ClusterNode node = i % 2 == 0 ? nodeA : nodeB;
        started.add(starters.submit(() -> post(node, "/engine-rest/process-definition/" + definitionId + "/start",
            "{\"variables\":{\"unitCode\":{\"value\":\"dongha\"}}}", 200)));
      }
      for (Future<?> f : started) {
        f.get();
      }
    } finally {
      starters.shutdownNow();
    }
    assertThat(db.queryForObject("SELECT count(*) FROM act_ru_job WHERE job_def_id_ = ? AND suspension_state_ = 2",
        Long.class, jobDefinition)).as("suspended timers waiting").isEqualTo(total);

    long t0 = System.nanoTime();
    put(nodeB, "/engine-rest/job-definition/" + jobDefinition + "/suspended", "{\"suspended\":false,\"includeJobs\":true}");
    long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(Math.max(5, total / 200));
    long ended;
    do {
      Thread.sleep(200);
      ended = db.queryForObject("SELECT count(*) FROM act_hi_procinst WHERE proc_def_id_ = ? AND end_time_ IS NOT NULL",
          Long.class, definitionId);
      assertThat(System.nanoTime()).as("timers still due: " + total + " timers, " + ended + " of " + instances
          + " instances ended").isLessThan(deadline);
    } while (ended < instances);
    double seconds = (System.nanoTime() - t0) / 1e9;

    Map<String, Long> firedBy = new HashMap<>();
    db.queryForList("SELECT hostname_, count(*) AS n FROM act_hi_job_log WHERE job_def_id_ = ? AND job_state_ = 2"
        + " GROUP BY hostname_", jobDefinition).forEach(r -> firedBy.put((String) r.get("hostname_"),
        ((Number) r.get("n")).longValue()));
    long jobsFiredTwice = db.queryForObject("SELECT count(*) FROM (SELECT job_id_ FROM act_hi_job_log WHERE job_def_id_ = ?"
        + " AND job_state_ = 2 GROUP BY job_id_ HAVING count(*) > 1) twice", Long.class, jobDefinition);
    long timerInstancesEnded = db.queryForObject("SELECT count(*) FROM act_hi_actinst WHERE proc_def_id_ = ?"
        + " AND act_id_ = 'Due' AND end_time_ IS NOT NULL", Long.class, definitionId);
    // one MI index = one instance of the sub-process = the parent of exactly one timer event instance
    long indexesFiredOtherThanOnce = db.queryForObject("SELECT count(*) FROM (SELECT parent_act_inst_id_ FROM act_hi_actinst"
        + " WHERE proc_def_id_ = ? AND act_id_ = 'Due' GROUP BY parent_act_inst_id_"
        + " HAVING count(*) FILTER (WHERE end_time_ IS NOT NULL) <> 1) odd", Long.class, definitionId);
    long indexes = db.queryForObject("SELECT count(*) FROM act_hi_actinst WHERE proc_def_id_ = ? AND act_id_ = 'Wait'",
        Long.class, definitionId);
    long firedTwice = jobsFiredTwice + indexesFiredOtherThanOnce;
    long a = firedBy.getOrDefault(nodeA.name(), 0L);
    long b = firedBy.getOrDefault(nodeB.name(), 0L);
    // attempts rolled back (an optimistic-locking conflict between the nodes), then retried
    long failedAttempts = count("SELECT count(*) FROM act_hi_job_log WHERE job_def_id_ = ? AND job_state_ = 1",
        jobDefinition);
    System.out.printf("CLUSTER timers n=%d seconds=%.1f per_s=%.0f node_a=%d node_b=%d fired_twice=%d"
        + " instances=%d failed_attempts_retried=%d%n", total, seconds, total / seconds, a, b, firedTwice, instances,
        failedAttempts);

    assertThat(indexes).as("MI indexes (sub-process instances)").isEqualTo(total);
    assertThat(timerInstancesEnded).as("timer event instances ended").isEqualTo(total);
    assertThat(firedTwice).as("timers fired twice or not at all").isZero();
    assertThat(a + b).as("successful timer jobs").isEqualTo(total);
    assertThat(a).as("timers fired by node A").isPositive();
    assertThat(b).as("timers fired by node B").isPositive();
    assertThat(db.queryForObject("SELECT count(*) FROM act_ru_job WHERE job_def_id_ = ?", Long.class, jobDefinition))
        .as("timers left").isZero();
  }

  // ---- 2. SIGKILL of a node under load ----

  @Test
  @Order(2)
  void aNodeKilledMidLoadLosesNothingAndDoesNothingTwice() throws Exception {
    FailoverClient client = new FailoverClient(List.of(nodeA, nodeB));
    ExecutorService pool = Executors.newFixedThreadPool(clients);
    AtomicInteger next = new AtomicInteger();
    List<String> codes = java.util.Collections.synchronizedList(new ArrayList<>());
    long t0 = System.nanoTime();
    List<Future<?>> running = new ArrayList<>();
    for (int c = 0; c < clients; c++) {
      running.add(pool.submit(() -> {
        for (int n = next.getAndIncrement(); n < dossiers; n = next.getAndIncrement()) {
          codes.add(client.lifecycle(n));
        }
        return null;
      }));
    }
    List<Map<String, Object>> lockedAtKill;
    try {
      lockedAtKill = killNodeAWhileItHoldsJobs(client);
      for (Future<?> f : running) {
        f.get(10, TimeUnit.MINUTES); // rethrows a client's failure
      }
    } finally {
      pool.shutdownNow();
    }
    double duration = (System.nanoTime() - t0) / 1e9;
    awaitOutboxDrained();

    // every dossier finished exactly once, none lost
    assertThat(codes).as("dossiers the clients drove").hasSize(dossiers).doesNotHaveDuplicates();
    long registered = count("SELECT count(*) FROM dv_dossier");
    long lost = dossiers - count("SELECT count(*) FROM dv_dossier WHERE state = 'RETURNED' AND returned_at IS NOT NULL");
    assertThat(registered).as("dossiers registered (no second dossier from a repeated start)").isEqualTo(dossiers);
    assertThat(lost).as("dossiers not returned").isZero();
    assertThat(count("SELECT count(DISTINCT process_instance_id) FROM dv_dossier")).isEqualTo(dossiers);
    assertThat(count("SELECT count(*) FROM act_hi_procinst p JOIN dv_dossier d ON d.process_instance_id = p.id_"
        + " WHERE p.end_time_ IS NOT NULL AND p.state_ = 'COMPLETED' AND p.end_act_id_ = ?", DossierProcess.END_RETURNED))
        .as("process instances ended at the hand-over").isEqualTo(dossiers);
    assertThat(count("SELECT count(*) FROM act_ru_execution")).as("executions left").isZero();
    assertThat(count("SELECT count(*) FROM act_ru_job WHERE handler_type_ <> 'history-cleanup'")).as("jobs left").isZero();
    assertThat(count("SELECT count(*) FROM act_ru_incident")).as("incidents").isZero();
    long duplicates = 0;
    for (String activity : List.of(DossierProcess.TASK_APPRAISE, DossierProcess.TASK_APPROVE,
        DossierProcess.TASK_SIGN_RESULT, "Task_MarkResultReady", DossierProcess.TASK_RETURN)) {
      Map<Long, Long> perDossier = histogram("SELECT count(*) FROM act_hi_actinst a JOIN dv_dossier d"
          + " ON d.process_instance_id = a.proc_inst_id_ WHERE a.act_id_ = ? AND a.end_time_ IS NOT NULL"
          + " AND COALESCE(a.act_inst_state_, 0) <> 2 GROUP BY d.code", activity); // 2: canceled
      assertThat(perDossier).as(activity + ": dossiers by how often it completed").isEqualTo(Map.of(1L, (long) dossiers));
    }
    for (String event : List.of("RECEIVED", "RECEIPT_ISSUED", "RESULT_READY", "RETURNED")) {
      Map<Long, Long> perDossier = histogram("SELECT count(*) FROM dv_case_event WHERE event_type = ?"
          + " GROUP BY case_key", event);
      assertThat(perDossier).as(event + " trail events per dossier").isEqualTo(Map.of(1L, (long) dossiers));
    }

    // document numbers per register exactly 1..M; every number minted above M is still a free slot for
    // the next caller (a mint whose caller died before claiming it: document.DocumentNumbering), none
    // below M, so no number is lost; dossier codes likewise per day
    List<Map<String, Object>> registers = db.queryForList("SELECT unit, register_code, doc_year, count(*) AS m,"
        + " count(DISTINCT doc_number) AS distinct_numbers, min(doc_number) AS lo, max(doc_number) AS hi,"
        + " (SELECT last_number FROM dv_document_counter c WHERE c.unit = d.unit AND c.register_code = d.register_code"
        + " AND c.counter_year = d.doc_year) AS counter,"
        + " (SELECT count(*) FROM dv_number_slot s WHERE s.unit = d.unit AND s.register_code = d.register_code"
        + " AND s.counter_year = d.doc_year AND s.slot_number > max(d.doc_number)) AS free_above,"
        + " (SELECT count(*) FROM dv_number_slot s WHERE s.unit = d.unit AND s.register_code = d.register_code"
        + " AND s.counter_year = d.doc_year AND s.slot_number <= max(d.doc_number)) AS free_below"
        + " FROM dv_document d GROUP BY unit, register_code, doc_year");
    assertThat(registers).as("registers").isNotEmpty();
    for (Map<String, Object> r : registers) {
      long m = ((Number) r.get("m")).longValue();
      long freeAbove = ((Number) r.get("free_above")).longValue();
      assertThat(List.of(r.get("distinct_numbers"), r.get("lo"), r.get("hi"), r.get("counter"), r.get("free_below"))
          .stream().map(v -> ((Number) v).longValue()).toList()).as("register " + r)
          .isEqualTo(List.of(m, 1L, m, m + freeAbove, 0L));
    }
    List<Map<String, Object>> days = db.queryForList("SELECT split_part(code, '-', 2) AS day, count(*) AS m,"
        + " count(DISTINCT split_part(code, '-', 3)) AS distinct_numbers, min(CAST(split_part(code, '-', 3) AS INTEGER)) AS lo,"
        + " max(CAST(split_part(code, '-', 3) AS INTEGER)) AS hi FROM dv_dossier GROUP BY split_part(code, '-', 2)");
    for (Map<String, Object> r : days) {
      long m = ((Number) r.get("m")).longValue();
      assertThat(List.of(r.get("distinct_numbers"), r.get("lo"), r.get("hi")).stream()
          .map(v -> ((Number) v).longValue()).toList()).as("dossier register of day " + r).isEqualTo(List.of(m, 1L, m));
    }

    // each result signed once: SIGNED, and every signer's signature once in the PDF
    List<Map<String, Object>> results = db.queryForList("SELECT d.code, doc.state, doc.signed_at, doc.content"
        + " FROM dv_dossier d JOIN act_hi_varinst v ON v.proc_inst_id_ = d.process_instance_id AND v.name_ = ?"
        + " JOIN dv_document doc ON doc.id = v.text_", DossierProcess.VAR_RESULT_DOCUMENT);
    assertThat(results).as("result documents").hasSize(dossiers);
    int signatures = 0;
    for (Map<String, Object> r : results) {
      assertThat(r.get("state")).as("result of " + r.get("code")).isEqualTo("SIGNED");
      assertThat(r.get("signed_at")).isNotNull();
      try (PDDocument pdf = Loader.loadPDF((byte[]) r.get("content"))) {
        List<String> signers = pdf.getSignatureDictionaries().stream().map(PDSignature::getName).toList();
        assertThat(signers).as("signers of the result of " + r.get("code")).isNotEmpty().doesNotHaveDuplicates();
        signatures += signers.size();
      }
    }
    assertThat(count("SELECT count(*) FROM dv_document WHERE state = 'SIGNED' AND signed_at IS NOT NULL"))
        .as("signed documents: the results, nothing else signed twice or extra").isEqualTo(dossiers);
    Map<Long, Long> signingRuns = histogram("SELECT count(*) FROM act_hi_job_log WHERE act_id_ = ?"
        + " AND job_state_ = 2 GROUP BY process_instance_id_", DossierProcess.TASK_PREPARE_RESULT); // draws up and signs
    assertThat(signingRuns).as("signing jobs by successful runs").isEqualTo(Map.of(1L, (long) dossiers));

    // no message sent twice: every outbox row SENT once, every e-mail received once
    assertThat(count("SELECT count(*) FROM dv_notification WHERE state <> 'SENT'")).as("messages not sent").isZero();
    Map<Long, Long> perMessage = histogram("SELECT count(*) FROM dv_notification GROUP BY case_ref, kind, channel");
    assertThat(perMessage.keySet()).as("outbox rows per case, kind and channel").containsOnly(1L);
    long emailsSent = count("SELECT count(*) FROM dv_notification WHERE channel = 'EMAIL' AND state = 'SENT'");
    MimeMessage[] received = smtp.getReceivedMessages();
    Map<String, Long> emails = new HashMap<>();
    Map<String, Set<String>> messageIds = new HashMap<>();
    for (MimeMessage m : received) {
      String key = m.getAllRecipients()[0] + " | " + m.getSubject();
      emails.merge(key, 1L, Long::sum);
      messageIds.computeIfAbsent(key, k -> new java.util.HashSet<>()).add(m.getMessageID());
    }
    // The outbox is at least once: the one message node A was handing to the server when it was
    // killed (accepted, not yet recorded SENT) is sent again by node B after its lease. Such a
    // message arrives twice under one Message-ID (its outbox row's), tried twice; nothing else may.
    long resent = 0;
    for (Map.Entry<String, Long> e : emails.entrySet()) {
      if (e.getValue() > 1) {
        assertThat(messageIds.get(e.getKey())).as("Message-IDs of the e-mail received twice: " + e.getKey()).hasSize(1);
        String id = messageIds.get(e.getKey()).iterator().next().replaceAll("^<([^@]+)@.*$", "$1");
        assertThat(count("SELECT attempts FROM dv_notification WHERE id = ?", id)).as("attempts of " + e.getKey())
            .isEqualTo(2);
        resent += e.getValue() - 1;
      }
    }
    assertThat(resent).as("e-mails sent again after the kill (at most the one node A was sending): " + emails)
        .isLessThanOrEqualTo(1);
    assertThat((long) received.length).as("e-mails received = outbox e-mails SENT (+ the one resent)")
        .isEqualTo(emailsSent + resent);
    assertThat(emailsSent).as("e-mails sent").isGreaterThanOrEqualTo(dossiers);

    // node A's locked jobs: retaken by node B once their lock ran out, and run once
    int retaken = 0;
    for (Map<String, Object> job : lockedAtKill) {
      List<Map<String, Object>> runs = db.queryForList("SELECT hostname_, timestamp_ FROM act_hi_job_log"
          + " WHERE job_id_ = ? AND job_state_ = 2", job.get("id_"));
      assertThat(runs).as("successful runs of job " + job.get("id_") + " locked by node A at the kill").hasSize(1);
      assertThat(runs.get(0).get("hostname_")).as("node that ran job " + job.get("id_")).isEqualTo(nodeB.name());
      assertThat((Timestamp) runs.get(0).get("timestamp_")).as("run after node A's lock ran out")
          .isAfterOrEqualTo((Timestamp) job.get("lock_exp_time_"));
      retaken++;
    }
    System.out.printf("CLUSTER kill dossiers=%d duration_s=%.1f jobs_retaken=%d duplicates=%d lost=%d"
            + " clients=%d no_answers=%d starts_found_after_no_answer=%d signatures=%d emails=%d"
            + " emails_resent_after_kill=%d%n",
        dossiers, duration, retaken, duplicates, lost, clients, client.noAnswers.get(),
        client.startsFoundAfterNoAnswer.get(), signatures, received.length, resent);
    assertThat(retaken).as("jobs locked by node A at the kill, executed by node B after their lock ran out")
        .isPositive();
    assertThat(client.noAnswers.get()).as("requests that lost their answer with node A").isPositive();
  }

  /**
   * Waits until a third of the dossiers are approved (signing jobs are running), then until node A
   * holds locks on jobs, and kills it; returns the jobs node A had locked (read after the kill: node A
   * can change nothing any more), with their lock expiry.
   *
   * <p>A job's lock owner (a job executor's random id) is not its node's hostname, which only the job
   * log records: jobs seen locked are followed until they succeed, and the hostname of their success
   * tells whose lock owner that was.
   */
  private List<Map<String, Object>> killNodeAWhileItHoldsJobs(FailoverClient client) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(5);
    NamedParameterJdbcTemplate named = new NamedParameterJdbcTemplate(db);
    Map<String, String> ownerOfSeenJob = new HashMap<>();
    String ownerA = null;
    long eligibleSince = 0;
    while (true) {
      assertThat(System.nanoTime()).as("node A seen holding a job lock").isLessThan(deadline);
      List<Map<String, Object>> locked = db.queryForList("SELECT id_, lock_owner_ FROM act_ru_job"
          + " WHERE lock_owner_ IS NOT NULL AND lock_exp_time_ > now()");
      boolean loadUnderWay = client.approved.get() >= Math.max(1, dossiers / 3);
      if (ownerA != null && loadUnderWay) {
        String owner = ownerA;
        long heldByA = locked.stream().filter(j -> owner.equals(j.get("lock_owner_"))).count();
        eligibleSince = eligibleSince == 0 ? System.nanoTime() : eligibleSince;
        // rather when node A holds several jobs, but not later than five seconds from now
        if (heldByA >= 2 || heldByA == 1 && System.nanoTime() - eligibleSince > TimeUnit.SECONDS.toNanos(5)) {
          break;
        }
      }
      locked.forEach(j -> ownerOfSeenJob.put((String) j.get("id_"), (String) j.get("lock_owner_")));
      if (ownerA == null && !ownerOfSeenJob.isEmpty()) {
        for (Map<String, Object> done : named.queryForList("SELECT job_id_, hostname_ FROM act_hi_job_log"
            + " WHERE job_state_ = 2 AND job_id_ IN (:ids)", Map.of("ids", ownerOfSeenJob.keySet()))) {
          if (nodeA.name().equals(done.get("hostname_"))) {
            ownerA = ownerOfSeenJob.get((String) done.get("job_id_"));
          }
          ownerOfSeenJob.remove((String) done.get("job_id_"));
        }
      }
      Thread.sleep(5);
    }
    nodeA.kill();
    List<Map<String, Object>> lockedByA = db.queryForList("SELECT id_, lock_exp_time_ FROM act_ru_job"
        + " WHERE lock_owner_ = ?", ownerA);
    System.out.printf("CLUSTER killed node-a (SIGKILL) after %d approvals, holding %d job locks%n",
        client.approved.get(), lockedByA.size());
    return lockedByA;
  }

  private void awaitOutboxDrained() throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
    while (count("SELECT count(*) FROM dv_notification WHERE state = 'PENDING'") > 0 && System.nanoTime() < deadline) {
      Thread.sleep(500);
    }
  }

  private long count(String sql, Object... args) {
    return db.queryForObject(sql, Long.class, args);
  }

  /** Rows of a {@code SELECT count(*) … GROUP BY …} as count → how many groups have it. */
  private Map<Long, Long> histogram(String sql, Object... args) {
    return db.queryForList(sql, Long.class, args).stream()
        .collect(Collectors.groupingBy(n -> n, Collectors.counting()));
  }

  // ---- HTTP and the test process ----

  private JsonNode get(ClusterNode node, String path) throws Exception {
    return JSON.readTree(send(node, HttpRequest.newBuilder(URI.create(node.baseUrl() + path)).GET(), 200));
  }

  private void put(ClusterNode node, String path, String json) throws Exception {
    send(node, HttpRequest.newBuilder(URI.create(node.baseUrl() + path)).header("Content-Type", "application/json")
        .PUT(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8)), 204);
  }

  private String post(ClusterNode node, String path, String json, int expected) throws Exception {
    return send(node, HttpRequest.newBuilder(URI.create(node.baseUrl() + path)).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8)), expected);
  }

  private String send(ClusterNode node, HttpRequest.Builder request, int expected) throws Exception {
    HttpResponse<String> answer = http.send(request.header("Authorization", Http.basic(FailoverClient.ADMIN, "demo"))
        .build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(expected);
    return answer.body();
  }

  private static String multipart(String deploymentName, String fileName, String content) {
    return "--x\r\nContent-Disposition: form-data; name=\"deployment-name\"\r\n\r\n" + deploymentName + "\r\n"
        + "--x\r\nContent-Disposition: form-data; name=\"data\"; filename=\"" + fileName + "\"\r\n"
        + "Content-Type: application/octet-stream\r\n\r\n" + content + "\r\n--x--\r\n";
  }

  /**
   * A process with a parallel multi-instance sub-process of {@code count} instances, each waiting at
   * one timer event with a fixed date in the past (due as soon as it may run): no script, no
   * expression, so it passes the deployment guard as any process owner's diagram must.
   */
  static String timerProcess(String key, int count) {
    return "<?xml version='1.0' encoding='UTF-8'?>"
        + "<bpmn:definitions xmlns:bpmn='http://www.omg.org/spec/BPMN/20100524/MODEL'"
        + " xmlns:camunda='http://camunda.org/schema/1.0/bpmn' xmlns:xsi='http://www.w3.org/2001/XMLSchema-instance'"
        + " id='Defs' targetNamespace='http://danvan.vn/test'>"
        + "<bpmn:process id='" + key + "' isExecutable='true' camunda:historyTimeToLive='1'>"
        + "<bpmn:startEvent id='Start'/><bpmn:sequenceFlow id='f1' sourceRef='Start' targetRef='Wait'/>"
        + "<bpmn:subProcess id='Wait'><bpmn:multiInstanceLoopCharacteristics>"
        + "<bpmn:loopCardinality xsi:type='bpmn:tFormalExpression'>" + count + "</bpmn:loopCardinality>"
        + "</bpmn:multiInstanceLoopCharacteristics>"
        + "<bpmn:startEvent id='WaitStart'/><bpmn:sequenceFlow id='w1' sourceRef='WaitStart' targetRef='Due'/>"
        // a timer that loses an optimistic-locking race (the sub-process instances of one process
        // instance end on both nodes at once and update the multi-instance counters) is retried
        // after a second, not after the engine's default cycle of five minutes
        + "<bpmn:intermediateCatchEvent id='Due'><bpmn:extensionElements>"
        + "<camunda:failedJobRetryTimeCycle>R5/PT1S</camunda:failedJobRetryTimeCycle></bpmn:extensionElements>"
        + "<bpmn:timerEventDefinition id='DueTimer'>"
        + "<bpmn:timeDate xsi:type='bpmn:tFormalExpression'>2020-01-01T00:00:00+07:00</bpmn:timeDate>"
        + "</bpmn:timerEventDefinition></bpmn:intermediateCatchEvent>"
        + "<bpmn:sequenceFlow id='w2' sourceRef='Due' targetRef='WaitEnd'/><bpmn:endEvent id='WaitEnd'/>"
        + "</bpmn:subProcess>"
        + "<bpmn:sequenceFlow id='f2' sourceRef='Wait' targetRef='End'/><bpmn:endEvent id='End'/>"
        + "</bpmn:process></bpmn:definitions>";
  }

  /** Prints the tail of both nodes' logs when a test fails (the whole logs stay in target/cluster/). */
  static final class NodeLogsOnFailure implements TestWatcher {
    @Override
    public void testFailed(ExtensionContext context, Throwable cause) {
      context.getTestInstance().filter(ClusterFaultIT.class::isInstance).map(ClusterFaultIT.class::cast)
          .ifPresent(test -> {
            for (ClusterNode node : new ClusterNode[] {test.nodeA, test.nodeB}) {
              if (node != null) {
                System.out.println("---- last lines of " + node.name() + " (target/cluster/" + node.name() + ".log)");
                System.out.println(node.tail(80));
              }
            }
          });
    }
  }
}
