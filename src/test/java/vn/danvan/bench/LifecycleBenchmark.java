package vn.danvan.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
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
 * The one-stop lifecycle under load, for measuring, never part of the normal test run (its name
 * matches neither Surefire's nor Failsafe's patterns; {@code ./mvnw -o -Pbenchmark verify} runs it).
 *
 * <p>The application runs twice in this JVM, each time as in the demo (units and officials, no
 * seeded dossiers, job executor on) on a fresh database of the tests' embedded PostgreSQL: first
 * with this project's settings ("optimised"), then with the stock settings
 * ({@code bench/stock-settings.properties}: every optimisation of this project switched off, Camunda's
 * defaults where we changed one), in the order of {@code danvan.bench.runs}. By default the
 * optimised run goes first, so that any warming of the JVM favours the stock run. For each number of clients N ({@code danvan.bench.clients}, default
 * {@code 1,4,16}) N threads drive whole lifecycles through HTTP as the real officials of one unit:
 * receive ({@code POST /api/dossiers}), appraise, approve (claim and complete over
 * {@code /engine-rest}), then the next dossier the same way while the job executor signs the
 * result, then the hand-over of the signed result (return). Each level runs a fixed
 * number of dossiers ({@code danvan.bench.dossiers}) or, if {@code danvan.bench.seconds} is set,
 * for that long. It prints lines starting with {@code BENCHMARK}, and for each level the ratio of
 * the two runs; it asserts only that every dossier finished, never anything about time.
 *
 * <p>Three more runs drive a build started from its jar as a process of its own
 * ({@link JarProcess}): {@code baseline}, an earlier build ({@code danvan.bench.baseline-jar},
 * such as the code before the performance work), {@code optimised-process}, this build's jar
 * ({@code danvan.bench.app-jar}, set by the profile) with the project's settings, and
 * {@code stock-process}, the same jar with the stock settings ({@link Run}). The ratios printed are
 * optimised-process to baseline (the in-JVM optimised run if there is no
 * {@code optimised-process}), optimised-process to stock-process, and optimised to stock. In a
 * process of its own an application neither shares the load client's JVM nor its JIT compiler
 * with another run, nor has its round trips counted (the counting costs CPU), so compare such runs
 * with each other. Their CPU is their process's; round trips and allocation are not counted (n/a).
 *
 * <p>With {@code danvan.bench.rounds} above 1 every run's application is started and warmed up
 * first and all stay up; then each round measures every run's levels once, every other round in
 * the reverse order, and each ratio line is printed per round, followed by the median of the
 * rounds' ratios ({@code BENCHMARK <label>-median}). On a machine whose speed drifts by tens of per
 * cent over minutes, one ratio of two levels measured a quarter of an hour apart says little; the
 * median of ratios of levels measured next to each other says more. The applications waiting
 * meanwhile still poll for jobs: in a process of its own that is not counted in the measured run's
 * CPU, in this JVM (two runs in it at once) it is, and in PostgreSQL's CPU for every run.
 */
class LifecycleBenchmark {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String UNIT = "dongha";
  private static final String OFFICER = UNIT + ".officer";
  private static final String SPECIALIST = UNIT + ".specialist";
  private static final String LEADER = UNIT + ".chairman";
  private static final long SIGNING_TIMEOUT_MS = 120_000;
  /** The date format of Camunda's REST API ({@code 2026-12-01T09:30:00.000+0700}). */
  private static final java.time.format.DateTimeFormatter CAMUNDA_DATE =
      java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSZ");

  private final Map<String, ConcurrentLinkedQueue<Long>> latencies = new ConcurrentHashMap<>();
  private HttpClient client;

  /**
   * The runs the benchmark knows ({@code danvan.bench.runs}): whether a run has the stock settings,
   * and whether its application is a process of its own started from a jar (named by which setting).
   */
  enum Run {
    OPTIMISED("optimised", false, null),
    STOCK("stock", true, null),
    OPTIMISED_PROCESS("optimised-process", false, "danvan.bench.app-jar"),
    STOCK_PROCESS("stock-process", true, "danvan.bench.app-jar"),
    /** An earlier build with its own settings. */
    BASELINE("baseline", false, "danvan.bench.baseline-jar");

    final String id;
    final boolean stock;
    /** The system property naming the jar of a process run, null for a run in this JVM. */
    final String jarSetting;

    Run(String id, boolean stock, String jarSetting) {
      this.id = id;
      this.stock = stock;
      this.jarSetting = jarSetting;
    }

    boolean process() {
      return jarSetting != null;
    }

    static List<Run> parse(String ids) {
      List<Run> runs = new ArrayList<>();
      for (String id : ids.split(",")) {
        runs.add(Arrays.stream(values()).filter(r -> r.id.equals(id.strip())).findFirst()
            .orElseThrow(() -> new IllegalArgumentException("danvan.bench.runs: "
                + Arrays.stream(values()).map(r -> r.id).toList() + ", not " + id.strip())));
      }
      if (runs.stream().distinct().count() < runs.size()) {
        throw new IllegalArgumentException("danvan.bench.runs names a run twice: " + ids);
      }
      return runs;
    }

    @Override
    public String toString() {
      return id;
    }
  }

  /**
   * One run's application, up and on a fresh database: in this JVM ({@code pid} 0, its round trips
   * counted) or a process of its own ({@code pid}, round trips not counted). Its engine is asked for
   * by name: Camunda's REST API finds the engine "default" in a static registry of the JVM, where a
   * second application in this JVM would replace the first's.
   */
  private record App(Run run, int port, String engine, JdbcRoundTrips roundTrips, long pid,
      PostgresTestDatabase.Database database, JdbcTemplate jdbc, boolean statements, AtomicInteger numbers,
      AutoCloseable stop) implements AutoCloseable {

    /** The engine's REST API for this application's engine: {@code /engine-rest/engine/{name}}. */
    String engineRest() {
      return "/engine-rest/engine/" + engine;
    }

    @Override
    public void close() throws Exception {
      stop.close();
    }
  }

  /** What a level measured, for the ratio of two runs. */
  private record Level(int clients, double dossiersPerSecond, double startP99Ms, double roundTrips,
      double transactions, double cpuMs) {}

  @Test
  void printsThroughputLatencyAndCostPerDossier() throws Exception {
    int[] levels = Arrays.stream(System.getProperty("danvan.bench.clients", "1,4,16").split(","))
        .map(String::trim).mapToInt(Integer::parseInt).toArray();
    int dossiers = Integer.getInteger("danvan.bench.dossiers", 160);
    int seconds = Integer.getInteger("danvan.bench.seconds", 0);
    int warmUp = Integer.getInteger("danvan.bench.warmup", 300);
    int rounds = Integer.getInteger("danvan.bench.rounds", 1);
    if (rounds < 1) {
      throw new IllegalArgumentException("danvan.bench.rounds: at least 1, not " + rounds);
    }
    List<Run> runs = Run.parse(System.getProperty("danvan.bench.runs", "optimised,stock"));
    System.out.println("BENCHMARK lifecycle receive-appraise-approve-sign(async)-return, unit " + UNIT
        + ", clients " + Arrays.toString(levels) + ", " + (seconds > 0 ? seconds + " s" : dossiers + " dossiers")
        + " per level, warm-up " + warmUp + " dossiers, " + rounds + (rounds == 1 ? " round" : " rounds")
        + ", runs " + runs + ", " + Runtime.getRuntime().availableProcessors() + " CPUs");
    ExecutorService http = Executors.newCachedThreadPool(named("bench-http-"));
    client = HttpClient.newBuilder().executor(http).build();
    // per run, per round, per level
    Map<Run, List<List<Level>>> measured = new java.util.EnumMap<>(Run.class);
    try {
      if (rounds == 1) {
        // one application at a time, in the order given: the second run of a JVM finds its shared
        // code compiled by the first
        for (Run run : runs) {
          try (App app = start(run)) {
            warmUp(app, warmUp);
            measured.put(run, List.of(measureLevels(app, levels, dossiers, seconds, "")));
            hold(List.of(app));
          }
        }
      } else {
        measureInRounds(runs, rounds, levels, dossiers, seconds, warmUp, measured);
      }
      Run processRun = runs.contains(Run.OPTIMISED_PROCESS) ? Run.OPTIMISED_PROCESS : Run.OPTIMISED;
      printRatios("ratio-to-baseline", processRun, Run.BASELINE, measured);
      printRatios("ratio-process", Run.OPTIMISED_PROCESS, Run.STOCK_PROCESS, measured);
      printRatios("ratio", Run.OPTIMISED, Run.STOCK, measured);
    } finally {
      http.shutdownNow();
    }
  }

  /**
   * Every run's application started and warmed up first, all kept running, then the levels of each
   * run measured in turn, round after round, every other round in the reverse order: each round's
   * ratio compares levels measured minutes apart, so a machine that is slower for a while (another
   * tenant, a CPU's clock) weighs on both runs of a ratio rather than on one of them.
   */
  private void measureInRounds(List<Run> runs, int rounds, int[] levels, int dossiers, int seconds, int warmUp,
      Map<Run, List<List<Level>>> measured) throws Exception {
    List<App> apps = new ArrayList<>();
    try {
      for (Run run : runs) {
        App app = start(run);
        apps.add(app);
        warmUp(app, warmUp);
      }
      for (int round = 1; round <= rounds; round++) {
        List<App> order = new ArrayList<>(apps);
        if (round % 2 == 0) {
          java.util.Collections.reverse(order);
        }
        for (App app : order) {
          measured.computeIfAbsent(app.run(), r -> new ArrayList<>())
              .add(measureLevels(app, levels, dossiers, seconds, " round=" + round));
        }
      }
      hold(apps);
    } finally {
      java.util.Collections.reverse(apps);
      for (App app : apps) {
        app.close();
      }
    }
  }

  /**
   * For each round and number of clients both runs measured, a line {@code BENCHMARK <label>} with
   * the two runs' throughput, their ratio, and the figures behind it (round trips only where both
   * counted them); with several rounds, then a line {@code BENCHMARK <label>-median} per number of
   * clients with each round's ratio and their median.
   */
  private static void printRatios(String label, Run of, Run against, Map<Run, List<List<Level>>> measured) {
    List<List<Level>> faster = measured.getOrDefault(of, List.of());
    List<List<Level>> slower = measured.getOrDefault(against, List.of());
    int rounds = Math.min(faster.size(), slower.size());
    Map<Integer, List<Double>> ratios = new java.util.TreeMap<>();
    for (int round = 0; round < rounds; round++) {
      List<Level> f = faster.get(round);
      List<Level> s = slower.get(round);
      for (int i = 0; i < Math.min(f.size(), s.size()); i++) {
        Level o = f.get(i);
        Level b = s.get(i);
        double ratio = o.dossiersPerSecond() / b.dossiersPerSecond();
        ratios.computeIfAbsent(o.clients(), c -> new ArrayList<>()).add(ratio);
        String trips = Double.isNaN(o.roundTrips()) || Double.isNaN(b.roundTrips()) ? ""
            : String.format(java.util.Locale.ROOT, " | round_trips %.0f vs %.0f", o.roundTrips(), b.roundTrips());
        System.out.printf(java.util.Locale.ROOT, "BENCHMARK %s of=%s to=%s%s clients=%d dossiers_per_s %s=%.2f"
                + " %s=%.2f ratio=%.2f | start_p99_ms %.0f vs %.0f%s | transactions %.1f vs %.1f"
                + " | cpu_ms(app+db) %.0f vs %.0f%n",
            label, of, against, rounds > 1 ? " round=" + (round + 1) : "", o.clients(), of, o.dossiersPerSecond(),
            against, b.dossiersPerSecond(), ratio, o.startP99Ms(), b.startP99Ms(), trips, o.transactions(),
            b.transactions(), o.cpuMs(), b.cpuMs());
      }
    }
    if (rounds > 1) {
      ratios.forEach((clients, each) -> System.out.printf(java.util.Locale.ROOT,
          "BENCHMARK %s-median of=%s to=%s clients=%d rounds=%d ratios=%s median=%.2f%n", label, of, against,
          clients, each.size(), each.stream().map(r -> String.format(java.util.Locale.ROOT, "%.2f", r)).toList(),
          median(each)));
    }
  }

  /** The middle value, or the mean of the two middle values of an even number. */
  static double median(List<Double> values) {
    double[] sorted = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
    int middle = sorted.length / 2;
    return sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
  }

  /** The stock settings: every {@code danvan.performance.*} switch off, Camunda's own defaults. */
  static Map<String, Object> stockSettings() throws java.io.IOException {
    java.util.Properties stock = new java.util.Properties();
    try (var in = LifecycleBenchmark.class.getResourceAsStream("/bench/stock-settings.properties")) {
      stock.load(new java.io.InputStreamReader(in, StandardCharsets.UTF_8));
    }
    Map<String, Object> settings = new java.util.TreeMap<>();
    stock.forEach((k, v) -> settings.put((String) k, v));
    return settings;
  }

  /** Starts the run's application on a fresh database, in this JVM or as a process of its own. */
  private App start(Run run) throws Exception {
    Map<String, Object> settings = run.stock ? stockSettings() : Map.of();
    PostgresTestDatabase.Database database = PostgresTestDatabase.newDatabase();
    JdbcTemplate jdbc = new JdbcTemplate(new DriverManagerDataSource(database.url(), database.user(),
        database.password()));
    boolean statements = statementsLoadable(jdbc);
    if (statements && Boolean.getBoolean("danvan.bench.nested-statements")) {
      // foreign-key checks and other statements run inside a statement count on their own
      jdbc.execute("ALTER SYSTEM SET pg_stat_statements.track = 'all'");
      jdbc.queryForList("SELECT pg_reload_conf()");
    }
    Map<String, Object> properties = new java.util.LinkedHashMap<>();
    properties.put("server.port", "0");
    // the process-test-coverage plugin on the test class path wants a Spring test around it
    properties.put("spring.autoconfigure.exclude",
        "org.camunda.community.process_test_coverage.spring_test.platform7.ProcessEngineCoverageConfiguration");
    properties.put("DANVAN_DB_URL", database.url());
    properties.put("DANVAN_DB_USER", database.user());
    properties.put("DANVAN_DB_PASSWORD", database.password());
    properties.put("camunda.bpm.job-execution.enabled", "true");
    properties.put("danvan.demo.seed-dossiers", "false");
    properties.put("danvan.signing.keystore-dir", "target/demo-signing");
    properties.put("danvan.notify.dispatch.enabled", "false");
    vn.danvan.signing.TestPki.Operator.properties().forEach(p -> {
      int eq = p.indexOf('=');
      properties.put(p.substring(0, eq), p.substring(eq + 1));
    });
    properties.putAll(settings);
    if (run.process()) {
      String jar = System.getProperty(run.jarSetting, "");
      if (jar.isBlank()) {
        throw new IllegalArgumentException("the " + run + " run needs " + run.jarSetting + ": the jar of the build to run");
      }
      properties.remove("spring.autoconfigure.exclude"); // the test class path's, not the jar's
      System.out.println("BENCHMARK run=" + run + " " + jar + (run.stock ? " " + settings : " (its own settings)")
          + ", a process of its own");
      int port = JarProcess.freePort();
      properties.put("server.port", port);
      List<String> arguments = new ArrayList<>(List.of("--spring.profiles.active=demo"));
      properties.forEach((key, value) -> arguments.add("--" + key + "=" + value));
      List<String> jvmOptions = new ArrayList<>(List.of("-Duser.timezone=" + java.util.TimeZone.getDefault().getID(),
          "-Dfile.encoding=UTF-8"));
      // e.g. a flight recording or compiler logging of the application alone
      String extra = System.getProperty("danvan.bench.app-jvm-options", "").strip();
      if (!extra.isEmpty()) {
        jvmOptions.addAll(List.of(extra.split("\\s+")));
      }
      JarProcess process = JarProcess.start("the application of run " + run, jvmOptions, Path.of(jar),
          arguments, Map.of(), Path.of("target", "bench-" + run + ".log"));
      try {
        process.awaitUp(URI.create("http://localhost:" + port + "/engine-rest/engine"), null,
            java.time.Duration.ofMinutes(3));
      } catch (Exception | AssertionError e) {
        process.stop(java.time.Duration.ofSeconds(30));
        throw e;
      }
      return new App(run, port, "default", null, process.pid(), database, jdbc, statements, new AtomicInteger(),
          () -> process.stop(java.time.Duration.ofSeconds(30)));
    }
    System.out.println("BENCHMARK run=" + run + (settings.isEmpty() ? " (the project's settings)" : " " + settings));
    // with several rounds two applications run in this JVM at once, each with its own engine
    // (Camunda's Spring Boot starter ignores a name with a hyphen)
    String engine = "bench_" + run.name().toLowerCase(java.util.Locale.ROOT);
    properties.put("camunda.bpm.process-engine-name", engine);
    JdbcRoundTrips counter = new JdbcRoundTrips();
    // as command-line arguments, which win over application.yaml (default properties would not)
    String[] arguments = properties.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue())
        .toArray(String[]::new);
    ConfigurableApplicationContext context = new SpringApplicationBuilder(DanvanApplication.class)
        .profiles("demo")
        .initializers(c -> c.getBeanFactory().addBeanPostProcessor(counter))
        .run(arguments);
    int port = ((ServletWebServerApplicationContext) context).getWebServer().getPort();
    return new App(run, port, engine, counter, 0, database, jdbc, statements, new AtomicInteger(), context::close);
  }

  /** Measures each level of the running application once; {@code round} goes into its lines ("" for none). */
  private List<Level> measureLevels(App app, int[] levels, int dossiers, int seconds, String round)
      throws Exception {
    List<Level> measured = new ArrayList<>();
    for (int clients : levels) {
      measured.add(runLevel(app, clients, dossiers, seconds, round));
    }
    return measured;
  }

  /** With {@code danvan.bench.hold-ms}: the databases left as they are that long before they are dropped. */
  private static void hold(List<App> apps) throws InterruptedException {
    long hold = Long.getLong("danvan.bench.hold-ms", 0);
    if (hold > 0) {
      // to look into the databases the runs left (psql, EXPLAIN)
      apps.forEach(app -> System.out.println("BENCHMARK holding " + app.database().url() + " (" + app.run() + ")"));
      System.out.println("BENCHMARK holding for " + hold + " ms");
      Thread.sleep(hold);
    }
  }

  private Level runLevel(App app, int clients, int dossiers, int seconds, String round) throws Exception {
    JdbcTemplate jdbc = app.jdbc();
    long appPid = app.pid();
    JdbcRoundTrips roundTrips = app.roundTrips();
    boolean statements = app.statements();
    latencies.clear();
    Resources before = Resources.read(jdbc, appPid);
    Map<Long, Long> clientCpuBefore = clientThreadsCpu();
    long jitBefore = compilerThreadsCpuMs(appPid);
    Map<String, long[]> scansBefore = tableScans(jdbc);
    long tripsBefore = roundTrips == null ? 0 : roundTrips.count();
    if (roundTrips != null) {
      roundTrips.traced().clear();
    }
    if (statements) {
      jdbc.queryForList("SELECT pg_stat_statements_reset()");
    }
    ExecutorService pool = Executors.newFixedThreadPool(clients, named("bench-client-"));
    long t0 = System.nanoTime();
    int done = drive(app, pool, clients, dossiers, seconds);
    double elapsed = (System.nanoTime() - t0) / 1e9;
    long clientCpuNs = cpuSince(clientCpuBefore, clientThreadsCpu());
    long jitMs = compilerThreadsCpuMs(appPid) - jitBefore;
    pool.shutdown();
    double trips = roundTrips == null ? Double.NaN : roundTrips.count() - tripsBefore;
    Resources after = Resources.read(jdbc, appPid);
    Map<String, long[]> scansAfter = tableScans(jdbc);
    assertThat(done).as("dossiers finished").isEqualTo(seconds > 0 ? done : dossiers).isPositive();

    String p = "BENCHMARK run=" + app.run() + round + " clients=" + clients + " ";
    System.out.printf("%sdossiers=%d seconds=%.1f dossiers_per_s=%.2f%n", p, done, elapsed, done / elapsed);
    double[] startP99 = {0};
    latencies.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> {
      long[] ms = e.getValue().stream().mapToLong(Long::longValue).sorted().toArray();
      if (e.getKey().equals("start")) {
        startP99[0] = pct(ms, 99);
      }
      System.out.printf("%slatency kind=%-17s n=%5d p50_ms=%7.1f p95_ms=%7.1f p99_ms=%7.1f max_ms=%7.1f%n", p,
          e.getKey(), ms.length, pct(ms, 50), pct(ms, 95), pct(ms, 99), ms[ms.length - 1] / 1e6);
    });
    double jvmCpuMs = (after.jvmCpuNs - before.jvmCpuNs) / 1e6;
    // in its own process the application's CPU is all of that process's; in this JVM, minus the client's
    double appCpu = (appPid != 0 ? jvmCpuMs : jvmCpuMs - clientCpuNs / 1e6) / done;
    double dbCpu = (after.postgresCpuMs - before.postgresCpuMs) / done;
    double transactions = (after.transactions - before.transactions) / (double) done;
    String appCpuOf = appPid != 0 ? String.format(java.util.Locale.ROOT, "process %d, load client elsewhere", appPid)
        : String.format(java.util.Locale.ROOT, "jvm %.1f minus load client %.1f", jvmCpuMs / done, clientCpuNs / 1e6 / done);
    System.out.printf("%sper_dossier app_cpu_ms=%.1f (%s) postgres_cpu_ms=%.1f"
            + " transactions=%.1f round_trips=%s db_bytes=%.0f jvm_alloc_mb=%s%n", p,
        appCpu, appCpuOf, dbCpu, transactions, Double.isNaN(trips) ? "n/a" : String.format(java.util.Locale.ROOT, "%.1f", trips / done),
        (after.databaseBytes - before.databaseBytes) / (double) done,
        appPid != 0 ? "n/a" : String.format(java.util.Locale.ROOT, "%.1f (incl. load client)",
            (after.jvmAllocatedBytes - before.jvmAllocatedBytes) / 1048576.0 / done));
    // the JIT compiler's threads count in the JVM's CPU, hence in the application's: a level that
    // still compiles much measures the compiler as well as the application (see warmUp)
    System.out.printf("%sper_dossier jit_compiler_cpu_ms=%.1f (in app_cpu_ms)%n", p, jitMs / (double) done);
    System.out.printf("%sper_dossier rows_inserted=%.1f rows_updated=%.1f rows_deleted=%.1f rows_fetched=%.1f%n", p,
        (after.inserted - before.inserted) / (double) done, (after.updated - before.updated) / (double) done,
        (after.deleted - before.deleted) / (double) done, (after.fetched - before.fetched) / (double) done);
    if (statements) {
      printStatements(jdbc, p, done);
    }
    printTableScans(p, done, scansBefore, scansAfter);
    printTrace(roundTrips, p, done);
    return new Level(clients, done / elapsed, startP99[0], trips / done, transactions, appCpu + dbCpu);
  }

  /**
   * Warms the run up: {@code minimum} dossiers one after the other, then batches of
   * {@value #WARM_UP_BATCH} at 4 clients for as long as the JIT compiler's threads still take more
   * than {@code danvan.bench.warmup-jit-share} (default 0.05) of the machine's CPU during a batch,
   * up to {@code danvan.bench.warmup-max} dossiers (3000). This application's code (engine, MyBatis,
   * PDF, signing: some 24,000 classes) takes the compiler minutes to settle; a level measured while
   * the compiler runs at half a core measures the compiler, and whichever run comes first in the
   * JVM pays for the code both share.
   */
  private void warmUp(App app, int minimum) throws Exception {
    long t0 = System.nanoTime();
    ExecutorService one = Executors.newSingleThreadExecutor(named("bench-client-"));
    try {
      drive(app, one, 1, minimum, 0);
    } finally {
      one.shutdown();
    }
    int maximum = Integer.getInteger("danvan.bench.warmup-max", 3000);
    double share = Double.parseDouble(System.getProperty("danvan.bench.warmup-jit-share", "0.05"));
    int warmed = minimum;
    double lastShare = Double.NaN;
    while (warmed + WARM_UP_BATCH <= maximum) {
      ExecutorService pool = Executors.newFixedThreadPool(4, named("bench-client-"));
      long jit = compilerThreadsCpuMs(app.pid());
      long b0 = System.nanoTime();
      try {
        drive(app, pool, 4, WARM_UP_BATCH, 0);
      } finally {
        pool.shutdown();
      }
      double wallMs = (System.nanoTime() - b0) / 1e6;
      warmed += WARM_UP_BATCH;
      lastShare = (compilerThreadsCpuMs(app.pid()) - jit) / (wallMs * Runtime.getRuntime().availableProcessors());
      if (lastShare <= share) {
        break;
      }
    }
    System.out.printf("BENCHMARK run=%s warm_up dossiers=%d seconds=%.0f jit_compiler_share_of_cpu_last_batch=%.3f%n",
        app.run(), warmed, (System.nanoTime() - t0) / 1e9, lastShare);
  }

  private static final int WARM_UP_BATCH = 100;

  /**
   * {@code clients} threads of {@code pool} drive whole lifecycles until {@code dossiers} have
   * started (or, with {@code seconds} > 0, for that long); returns how many finished. Each dossier
   * of a run has an applicant of its own (the run's next number).
   */
  private int drive(App app, ExecutorService pool, int clients, int dossiers, int seconds) throws Exception {
    AtomicInteger started = new AtomicInteger();
    AtomicInteger finished = new AtomicInteger();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
    List<Future<?>> futures = new ArrayList<>();
    for (int c = 0; c < clients; c++) {
      futures.add(pool.submit(() -> {
        Approved previous = null;
        while (true) {
          int n = started.getAndIncrement();
          if (seconds > 0 ? System.nanoTime() >= deadline : n >= dossiers) {
            break;
          }
          Approved next = receiveAndApprove(app, app.numbers().getAndIncrement());
          if (previous != null) {
            handOver(app, previous);
            finished.incrementAndGet();
          }
          previous = next;
        }
        if (previous != null) {
          handOver(app, previous);
          finished.incrementAndGet();
        }
        return null;
      }));
    }
    for (Future<?> f : futures) {
      f.get(); // rethrows a failed lifecycle: the benchmark fails rather than print a wrong figure
    }
    return finished.get();
  }

  /**
   * CPU of the application JVM's JIT compiler threads (C1, C2) in ms, from /proc (0 elsewhere): this
   * JVM's for {@code pid} 0, else that process's. A compiler thread the JVM stops meanwhile takes its
   * time with it: a lower bound.
   */
  static long compilerThreadsCpuMs(long pid) {
    try (var tasks = Files.list(Path.of("/proc", pid == 0 ? "self" : Long.toString(pid), "task"))) {
      return tasks.mapToLong(task -> {
        try {
          String stat = Files.readString(task.resolve("stat"));
          if (!stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')')).contains("CompilerThre")) {
            return 0;
          }
          return Resources.ticks(Resources.fields(stat)) * Resources.MS_PER_TICK;
        } catch (java.io.IOException | RuntimeException e) {
          return 0; // the thread ended meanwhile
        }
      }).sum();
    } catch (java.io.IOException e) {
      return 0;
    }
  }

  /** With {@code danvan.bench.trace-sql}: round trips per dossier by request kind, and their SQL. */
  private static void printTrace(JdbcRoundTrips roundTrips, String prefix, int done) {
    if (roundTrips == null) {
      return;
    }
    roundTrips.traced().entrySet().stream()
        .sorted(Map.Entry.comparingByValue(java.util.Comparator.comparingLong(
            (Map<String, java.util.concurrent.atomic.LongAdder> m) -> m.values().stream().mapToLong(
                java.util.concurrent.atomic.LongAdder::sum).sum()).reversed()))
        .forEach(request -> {
          System.out.printf("%strace request=%s round_trips_per_dossier=%.1f%n", prefix, request.getKey(),
              request.getValue().values().stream().mapToLong(java.util.concurrent.atomic.LongAdder::sum).sum()
                  / (double) done);
          request.getValue().entrySet().stream()
              .sorted(Map.Entry.comparingByValue(java.util.Comparator.comparingLong(
                  java.util.concurrent.atomic.LongAdder::sum).reversed()))
              .forEach(sql -> System.out.printf("%strace   %.2f %s%n", prefix, sql.getValue().sum() / (double) done,
                  abbreviate(sql.getKey(), 150)));
        });
  }

  /**
   * Statements of the level from {@code pg_stat_statements} (every execution, COMMIT included; a
   * batch counts each of its statements): the total per dossier and the most frequent ones, as
   * PostgreSQL normalises them (parameters replaced by $n, so no personal data).
   */
  private static void printStatements(JdbcTemplate jdbc, String prefix, int done) {
    String ofThisDatabase = " FROM pg_stat_statements WHERE dbid = (SELECT oid FROM pg_database"
        + " WHERE datname = current_database())";
    Map<String, Object> total = jdbc.queryForMap("SELECT COALESCE(SUM(calls), 0) AS calls,"
        + " COALESCE(SUM(calls) FILTER (WHERE query = 'BEGIN'), 0) AS begins,"
        + " COALESCE(SUM(total_exec_time), 0) AS ms" + ofThisDatabase);
    double calls = ((Number) total.get("calls")).doubleValue();
    // each statement of a JDBC batch counts here, although the batch travels in one round trip
    System.out.printf("%sper_dossier statements=%.1f (BEGIN excluded) statement_exec_ms=%.1f%n", prefix,
        (calls - ((Number) total.get("begins")).doubleValue()) / done,
        ((Number) total.get("ms")).doubleValue() / done);
    int top = Integer.getInteger("danvan.bench.top-statements", 8);
    jdbc.queryForList("SELECT calls, query" + ofThisDatabase + " ORDER BY calls DESC LIMIT " + top).forEach(row ->
        System.out.printf("%sstatement calls_per_dossier=%.1f query=%s%n", prefix,
            ((Number) row.get("calls")).doubleValue() / done,
            queryOf(row)));
    jdbc.queryForList("SELECT rows, calls, query" + ofThisDatabase + " ORDER BY rows DESC LIMIT " + Math.min(top, 5))
        .forEach(row -> System.out.printf("%sstatement rows_per_dossier=%.1f calls_per_dossier=%.1f query=%s%n", prefix,
            ((Number) row.get("rows")).doubleValue() / done, ((Number) row.get("calls")).doubleValue() / done,
            queryOf(row)));
    // where the database's time goes: execution time and buffer pages touched (rows scanned, not only returned)
    jdbc.queryForList("SELECT total_exec_time, shared_blks_hit + shared_blks_read AS pages, calls, query"
        + ofThisDatabase + " ORDER BY total_exec_time DESC LIMIT " + Math.min(top, 5))
        .forEach(row -> System.out.printf("%sstatement exec_ms_per_dossier=%.2f pages_per_dossier=%.1f"
            + " calls_per_dossier=%.1f query=%s%n", prefix, ((Number) row.get("total_exec_time")).doubleValue() / done,
            ((Number) row.get("pages")).doubleValue() / done, ((Number) row.get("calls")).doubleValue() / done,
            queryOf(row)));
  }

  /** Per table: sequential scans, rows they read, index scans (pg_stat_user_tables). */
  private static Map<String, long[]> tableScans(JdbcTemplate jdbc) {
    Map<String, long[]> scans = new java.util.HashMap<>();
    jdbc.query("SELECT relname, seq_scan, seq_tup_read, COALESCE(idx_scan, 0) AS idx_scan FROM pg_stat_user_tables",
        row -> {
          scans.put(row.getString(1), new long[] {row.getLong(2), row.getLong(3), row.getLong(4)});
        });
    return scans;
  }

  /**
   * The tables whose sequential scans read the most rows in the level: a scan that reads many rows
   * per dossier is a missing index (or a foreign key's check without one).
   */
  private static void printTableScans(String prefix, int done, Map<String, long[]> before, Map<String, long[]> after) {
    after.entrySet().stream()
        .map(e -> Map.entry(e.getKey(), delta(e.getValue(), before.getOrDefault(e.getKey(), new long[3]))))
        .filter(e -> e.getValue()[1] > 0)
        .sorted(Map.Entry.comparingByValue(java.util.Comparator.comparingLong((long[] d) -> d[1]).reversed()))
        .limit(5)
        .forEach(e -> System.out.printf("%stable %s seq_scans_per_dossier=%.1f seq_rows_per_dossier=%.1f"
            + " index_scans_per_dossier=%.1f%n", prefix, e.getKey().toLowerCase(java.util.Locale.ROOT),
            e.getValue()[0] / (double) done, e.getValue()[1] / (double) done, e.getValue()[2] / (double) done));
  }

  private static long[] delta(long[] after, long[] before) {
    return new long[] {after[0] - before[0], after[1] - before[1], after[2] - before[2]};
  }

  /** A statement's text as pg_stat_statements normalised it, on one line and abbreviated. */
  private static String queryOf(Map<String, Object> row) {
    return abbreviate(String.valueOf(row.get("query")).replaceAll("\\s+", " "), 140);
  }

  private static String abbreviate(String text, int length) {
    return text.length() <= length ? text : text.substring(0, length) + "…";
  }

  /** Whether the server has pg_stat_statements preloaded (the profile asks the embedded one to). */
  private static boolean statementsLoadable(JdbcTemplate jdbc) {
    try {
      jdbc.execute("CREATE EXTENSION IF NOT EXISTS pg_stat_statements");
      jdbc.queryForList("SELECT 1 FROM pg_stat_statements LIMIT 1");
      return true;
    } catch (RuntimeException e) {
      System.out.println("BENCHMARK pg_stat_statements not loadable: no statement counts");
      return false;
    }
  }

  /** A dossier the leader approved, whose result the job executor is drawing up and signing. */
  private record Approved(String code, long approvedAtMillis) {}

  /**
   * The first part of a dossier's lifecycle, as the unit's officials do it: received at the
   * counter, appraised, approved. The officer does not wait at the counter for the signing: each
   * client receives and approves the next dossier first, then hands over this one
   * ({@link #handOver}), as an office does; a client that polled for the signed result every few
   * milliseconds would measure its own polling rather than the dossier.
   */
  private Approved receiveAndApprove(App app, int n) throws Exception {
    String phone = "09" + String.format("%08d", n % 100_000_000);
    String id = "0452" + String.format("%08d", n % 100_000_000);
    String body = ProcedureSamples.apiBody("""
        {"procedureCode":"CERTIFIED_COPY","unit":"%s","applicantName":"Nguyễn Văn An","idNumber":"%s",
         "phone":"%s","email":"an@example.vn","channel":"COUNTER","applicantAddress":"12 Lê Duẩn, Đông Hà",
         "documentList":"Bản chính và bản sao giấy tờ"}""".formatted(UNIT, id, phone));
    JsonNode receipt = call(app, "start", "POST", "/api/dossiers", OFFICER, body, 201);
    String code = receipt.path("code").asText();

    String appraisal = task(app, code, "Task_AppraiseDossier", SPECIALIST);
    claimAndComplete(app, "appraise", appraisal, SPECIALIST, "{\"appraisalResult\":{\"value\":\"PROPOSE_APPROVE\"},"
        + "\"appraisalOpinion\":{\"value\":\"Hồ sơ hợp lệ, đề nghị chứng thực\"}}");
    String approval = task(app, code, "Task_ApproveResult", LEADER);
    claimAndComplete(app, "approve", approval, LEADER, "{\"approvalDecision\":{\"value\":\"APPROVE\"}}");
    return new Approved(code, System.currentTimeMillis());
  }

  /**
   * The end of the lifecycle: the officer finds the signed result's hand-over task (waiting for
   * the job executor if it has not signed yet), hands the result over and reads the dossier's
   * state. The job's latency is the time from the approval to the creation of that task.
   */
  private void handOver(App app, Approved dossier) throws Exception {
    String code = dossier.code();
    JsonNode handOver = null;
    while (handOver == null) {
      JsonNode tasks = call(app, "find-return-task", "GET", tasksOf(app, code, "Task_ReturnResult"), OFFICER, null, 200);
      if (!tasks.isEmpty()) {
        handOver = tasks.get(0);
      } else if (System.currentTimeMillis() - dossier.approvedAtMillis() > SIGNING_TIMEOUT_MS) {
        throw new IllegalStateException("dossier " + code + " not signed within " + SIGNING_TIMEOUT_MS + " ms");
      } else {
        Thread.sleep(10);
      }
    }
    long created = java.time.OffsetDateTime.parse(handOver.path("created").asText(), CAMUNDA_DATE)
        .toInstant().toEpochMilli();
    record("job-approved-to-signed", TimeUnit.MILLISECONDS.toNanos(Math.max(0, created - dossier.approvedAtMillis())));
    claimAndComplete(app, "return", handOver.path("id").asText(), OFFICER,
        "{\"resultHandedOver\":{\"value\":true},\"satisfaction\":{\"value\":\"4\"}}");
    String state = call(app, "read-dossier", "GET", "/api/dossiers/" + code, OFFICER, null, 200).path("state").asText();
    if (!state.equals("RETURNED")) {
      throw new IllegalStateException("dossier " + code + " ended in state " + state);
    }
  }

  private String task(App app, String code, String taskKey, String user) throws Exception {
    JsonNode tasks = call(app, "find-task", "GET", tasksOf(app, code, taskKey), user, null, 200);
    if (tasks.size() != 1) {
      throw new IllegalStateException(user + " sees " + tasks.size() + " " + taskKey + " of " + code);
    }
    return tasks.get(0).path("id").asText();
  }

  private static String tasksOf(App app, String code, String taskKey) {
    return app.engineRest() + "/task?processInstanceBusinessKey=" + code + "&taskDefinitionKey=" + taskKey;
  }

  private void claimAndComplete(App app, String step, String taskId, String user, String variables)
      throws Exception {
    call(app, "claim", "POST", app.engineRest() + "/task/" + taskId + "/claim", user, "{\"userId\":\"" + user + "\"}", 204);
    call(app, "complete-" + step, "POST", app.engineRest() + "/task/" + taskId + "/complete", user,
        "{\"variables\":" + variables + "}", 204);
  }

  private JsonNode call(App app, String kind, String method, String path, String user, String json, int expected)
      throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + app.port() + path))
        .header("Authorization", Http.basic(user, "demo"));
    Http.withJson(request, method, json);
    long t0 = System.nanoTime();
    HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    record(kind, System.nanoTime() - t0);
    if (response.statusCode() != expected) {
      throw new IllegalStateException(kind + " " + path + ": " + response.statusCode() + " " + response.body());
    }
    return response.body().isEmpty() ? JSON.nullNode() : JSON.readTree(response.body());
  }

  private void record(String kind, long nanos) {
    latencies.computeIfAbsent(kind, k -> new ConcurrentLinkedQueue<>()).add(nanos);
  }

  private static double pct(long[] sortedNanos, int percentile) {
    int index = (int) Math.ceil(percentile / 100.0 * sortedNanos.length) - 1;
    return sortedNanos[Math.max(0, Math.min(index, sortedNanos.length - 1))] / 1e6;
  }

  /**
   * CPU of the load client's threads by thread id: the benchmark's own ({@code bench-}, whose HTTP
   * executor lives through every level and run) and the HTTP client's selector thread. A level
   * counts what they used since its start ({@link #cpuSince}), not since they started.
   */
  private static Map<Long, Long> clientThreadsCpu() {
    java.lang.management.ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    Map<Long, Long> cpu = new java.util.HashMap<>();
    Thread.getAllStackTraces().keySet().stream()
        .filter(t -> t.getName().startsWith("bench-") || t.getName().startsWith("HttpClient-"))
        .forEach(t -> {
          long ns = threads.getThreadCpuTime(t.getId());
          if (ns > 0) {
            cpu.put(t.getId(), ns);
          }
        });
    return cpu;
  }

  /** CPU the threads alive now used since {@code before} (a thread born meanwhile: all of its). */
  static long cpuSince(Map<Long, Long> before, Map<Long, Long> now) {
    return now.entrySet().stream().mapToLong(e -> e.getValue() - before.getOrDefault(e.getKey(), 0L)).sum();
  }

  private static java.util.concurrent.ThreadFactory named(String prefix) {
    AtomicInteger count = new AtomicInteger();
    return r -> {
      Thread t = new Thread(r, prefix + count.incrementAndGet());
      t.setDaemon(true);
      return t;
    };
  }

  /**
   * Counters read before and after a level: the application's process (this JVM for {@code appPid}
   * 0, whose allocation is counted too; else that process's CPU only), the database's, and the
   * PostgreSQL processes'.
   */
  private record Resources(long jvmCpuNs, long jvmAllocatedBytes, double postgresCpuMs, long transactions,
      long inserted, long updated, long deleted, long fetched, long databaseBytes) {

    static Resources read(JdbcTemplate jdbc, long appPid) throws InterruptedException, java.io.IOException {
      // PostgreSQL publishes a backend's statistics up to a second after its transaction ends
      Thread.sleep(1_100);
      Map<String, Object> db = jdbc.queryForMap("SELECT pg_stat_clear_snapshot() IS NULL AS cleared, "
          + "xact_commit + xact_rollback AS xacts, tup_inserted, tup_updated, tup_deleted, tup_fetched, "
          + "pg_database_size(current_database()) AS size FROM pg_stat_database WHERE datname = current_database()");
      var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
      var threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
      long cpuNs;
      if (appPid == 0) {
        cpuNs = os.getProcessCpuTime();
      } else {
        cpuNs = ticks(stat(appPid)) * MS_PER_TICK * 1_000_000L;
      }
      return new Resources(cpuNs, appPid == 0 ? threads.getTotalThreadAllocatedBytes() : 0, postgresProcessesCpuMs(jdbc),
          ((Number) db.get("xacts")).longValue(), ((Number) db.get("tup_inserted")).longValue(),
          ((Number) db.get("tup_updated")).longValue(), ((Number) db.get("tup_deleted")).longValue(),
          ((Number) db.get("tup_fetched")).longValue(), ((Number) db.get("size")).longValue());
    }

    /**
     * CPU of a PostgreSQL on this machine (the embedded one): user+system time of its postmaster,
     * including that of ended children, and of its live processes, from /proc in clock ticks of
     * 10 ms. 0 off Linux or with a server on another machine.
     */
    private static double postgresProcessesCpuMs(JdbcTemplate jdbc) {
      try {
        // the backend's parent is read while its connection is open: a closed one's process is gone
        long postmaster = jdbc.execute((java.sql.Connection connection) -> {
          try (var statement = connection.createStatement();
              var rows = statement.executeQuery("SELECT pg_backend_pid()")) {
            rows.next();
            return Long.parseLong(stat(rows.getLong(1))[1]);
          } catch (java.io.IOException e) {
            throw new java.sql.SQLException("no /proc entry for the backend", e);
          }
        });
        String[] own = stat(postmaster);
        long total = ticks(own) + Long.parseLong(own[13]) + Long.parseLong(own[14]); // and its ended children's
        total += ProcessHandle.of(postmaster).map(ProcessHandle::children).orElseGet(java.util.stream.Stream::empty)
            .mapToLong(child -> {
              try {
                return ticks(stat(child.pid()));
              } catch (Exception e) {
                return 0; // ended meanwhile: its time is in the postmaster's children's time
              }
            }).sum();
        return total * (double) MS_PER_TICK;
      } catch (Exception e) {
        System.out.println("BENCHMARK PostgreSQL's CPU not readable (counted as 0): " + e);
        return 0;
      }
    }

    /** A clock tick of /proc's CPU times (USER_HZ, 100 on Linux). */
    static final long MS_PER_TICK = 10;

    /** The user and system time of a /proc stat line's {@link #fields}, in clock ticks. */
    static long ticks(String[] fields) {
      return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
    }

    /** Fields of /proc/pid/stat from the state on: [0] state, [1] ppid, [11..14] utime stime cutime cstime. */
    private static String[] stat(long pid) throws java.io.IOException {
      return fields(Files.readString(Path.of("/proc/" + pid + "/stat")));
    }

    /** The fields of a /proc stat line after the command name, which may hold spaces and parentheses. */
    static String[] fields(String stat) {
      return stat.substring(stat.lastIndexOf(')') + 2).split(" ");
    }
  }
}
