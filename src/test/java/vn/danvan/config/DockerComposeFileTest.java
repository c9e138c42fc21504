package vn.danvan.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import vn.danvan.support.Nginx;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;
import org.yaml.snakeyaml.Yaml;

/**
 * Checks that docker-compose.yml starts the application the way its configuration expects it: every
 * expectation is read from application.yaml (production mode, no profile) and from what production
 * mode requires ({@link ProductionSettings}), so renaming a variable there without updating the
 * compose file (or the other way round) fails this test.
 */
class DockerComposeFileTest {

  private static final Path ROOT = Path.of("").toAbsolutePath();
  private static final Path RESOURCES = ROOT.resolve("src/main/resources");
  /** The profile that must never be active in the container. */
  private static final String DEMO_PROFILE = "demo";
  private static final String DB_SERVICE = "postgres";
  /** The application nodes of the cluster: one image, one environment, their names apart. */
  private static final List<String> APP_SERVICES = List.of("app-1", "app-2");
  /** The first node, for the checks that hold for every node alike ({@link #everyNodeIsTheSameButForItsName}). */
  private static final String APP_SERVICE = APP_SERVICES.get(0);
  /** The reverse proxy in front of the nodes, the only published port. */
  private static final String PROXY_SERVICE = "proxy";
  private static final Path PROXY_CONFIG = ROOT.resolve("src/main/proxy/nginx.conf");
  /** The variable that names a node; the one difference between two nodes' environments. */
  private static final String NODE_NAME = "DANVAN_NODE_NAME";
  /** Where the postgres image keeps its data unless PGDATA says otherwise (images up to 17). */
  private static final String POSTGRES_DEFAULT_PGDATA = "/var/lib/postgresql/data";

  /** Spring placeholder {@code ${NAME}} or {@code ${NAME:default}}. */
  private static final Pattern SPRING_PLACEHOLDER = Pattern.compile("\\$\\{([^}:]+)(?::([^}]*))?}");
  /** Compose interpolation {@code ${NAME}}, {@code ${NAME:-default}}, {@code ${NAME:?message}} and the forms without colon. */
  private static final Pattern COMPOSE_VARIABLE = Pattern.compile("\\$\\{([A-Za-z_][A-Za-z0-9_]*)(:?[-?])?([^}]*)}");
  private static final Pattern ENV_NAME = Pattern.compile("[A-Z][A-Z0-9_]*");

  private static Map<String, Object> compose;
  private static Map<String, Object> services;
  /** Properties in force in production mode: application.yaml without any profile's documents. */
  private static Map<String, String> effective;
  /** Every environment-style placeholder in any application*.yaml: what the application reads. */
  private static Set<String> variablesTheAppReads;

  @BeforeAll
  static void readFiles() throws IOException {
    compose = asMap(loadAll(ROOT.resolve("docker-compose.yml")).get(0));
    services = asMap(compose.get("services"));
    effective = new LinkedHashMap<>();
    effective.putAll(flatten(RESOURCES.resolve("application.yaml")));
    variablesTheAppReads = new LinkedHashSet<>();
    try (var files = Files.list(RESOURCES)) {
      for (Path file : files.filter(f -> f.getFileName().toString().matches("application.*\\.ya?ml")).toList()) {
        for (String value : flatten(file).values()) {
          placeholders(value).keySet().stream().filter(DockerComposeFileTest::isEnvName).forEach(variablesTheAppReads::add);
        }
      }
    }
  }

  @Test
  void imageRunsAsTheFixedUidThatOwnsTheKeyFilesNeverAsRoot() throws IOException {
    String dockerfile = Files.readString(ROOT.resolve("Dockerfile"));
    var users = Pattern.compile("(?m)^USER\\s+(\\S+)").matcher(dockerfile).results().map(m -> m.group(1)).toList();
    assertThat(users).as("USER lines").isNotEmpty();
    assertThat(users.get(users.size() - 1)).isEqualTo("10001:10001");
    assertThat(dockerfile).contains("useradd --system --uid 10001").contains("groupadd --system --gid 10001")
        .doesNotContain("spring.profiles.active=demo").doesNotContain("SPRING_PROFILES_ACTIVE");
  }

  @Test
  void signingKeysAreNeverCommitted() throws IOException {
    assertThat(Files.readAllLines(ROOT.resolve(".gitignore"))).contains("config/signing/");
  }

  @Test
  void definesPostgresAndAppServices() {
    assertThat(services).containsKeys(DB_SERVICE, PROXY_SERVICE);
    assertThat(services).containsKeys(APP_SERVICES.toArray(String[]::new));
  }

  @Test
  void appStartsInProductionModeNeverAsTheDemo() {
    var active = Arrays.stream(appEnvironment().getOrDefault("SPRING_PROFILES_ACTIVE", "").split(","))
        .map(String::trim).toList();
    assertThat(active).doesNotContain(DEMO_PROFILE);
    assertThat(effective).as("no default profile in application.yaml").doesNotContainKey("spring.profiles.default");
  }

  @Test
  void appSetsEveryVariableThatThePostgresProfileRequires() {
    Set<String> required = new LinkedHashSet<>();
    for (String value : effective.values()) {
      placeholders(value).forEach((name, defaultValue) -> {
        if (isEnvName(name) && defaultValue == null) {
          required.add(name);
        }
      });
    }
    // Empty defaults, but production mode refuses to start without them: the variables it names.
    for (String line : ProductionSettings.missing(new MockEnvironment())) {
      required.add(line.substring(0, line.indexOf(':')));
    }
    required.add(variableOf("spring.datasource.password"));

    assertThat(required).as("required by application*.yaml").isNotEmpty();
    assertThat(appEnvironment()).containsKeys(required.toArray(String[]::new));
    appEnvironment().forEach((name, value) ->
        assertThat(value).as("value of %s", name).isNotBlank());
  }

  @Test
  void appSetsNoDanvanVariableThatTheApplicationDoesNotRead() {
    var danvanVariables = appEnvironment().keySet().stream().filter(name -> name.startsWith("DANVAN_")).toList();
    assertThat(danvanVariables).isNotEmpty();
    assertThat(variablesTheAppReads).as("variables read by application*.yaml").containsAll(danvanVariables);
  }

  @Test
  void passwordsMustBeSuppliedByTheOperatorAndHaveNoDefault() {
    for (String service : services.keySet()) {
      environment(service).forEach((name, value) -> {
        if (name.contains("PASSWORD")) {
          assertThat(value).as("%s of service %s", name, service).matches("\\$\\{[A-Za-z_][A-Za-z0-9_]*:?\\?[^}]*}");
        }
      });
    }
  }

  @Test
  void appMountsTheSigningKeystoreFolderItIsToldToRead() {
    var keystoreDir = appEnvironment().get(variableOf("danvan.signing.keystore-dir"));

    assertThat(keystoreDir).as("keystore folder").isNotBlank();
    assertThat(volumeMounts(APP_SERVICE)).as("mount of %s", keystoreDir).anyMatch(mount -> keystoreDir.equals(mount[1]));
    var anchors = normalized(appEnvironment().get(variableOf("danvan.signing.trust-anchors")));
    assertThat(anchors.replaceAll("\\$\\{[^:}]+:-([^}]*)}", "$1")).startsWith(keystoreDir + "/");
  }

  @Test
  void databaseUrlPointsAtThePostgresServiceAndItsDatabase() {
    var url = appEnvironment().get(variableOf("spring.datasource.url"));
    // Not java.net.URI: the database name may be a compose variable, ${POSTGRES_DB:-danvan}.
    var parts = Pattern.compile("jdbc:postgresql://([^/:?]+)(?::(\\d+))?/([^?]+)(\\?.*)?").matcher(String.valueOf(url));

    assertThat(parts.matches()).as("PostgreSQL JDBC URL: %s", url).isTrue();
    assertThat(parts.group(1)).isEqualTo(DB_SERVICE);
    assertThat(parts.group(2)).isIn(null, "5432");
    assertThat(normalized(parts.group(3)))
        .isEqualTo(normalized(environment(DB_SERVICE).getOrDefault("POSTGRES_DB", postgresUser())));
  }

  @Test
  void appConnectsWithTheUserAndPasswordOfThePostgresService() {
    var app = appEnvironment();
    assertThat(normalized(app.get(variableOf("spring.datasource.username")))).isEqualTo(normalized(postgresUser()));
    assertThat(normalized(app.get(variableOf("spring.datasource.password"))))
        .isEqualTo(normalized(environment(DB_SERVICE).get("POSTGRES_PASSWORD")));
  }

  @Test
  void appStartsOnlyOncePostgresIsHealthy() {
    for (String app : APP_SERVICES) {
      var dependsOn = service(app).get("depends_on");
      assertThat(dependsOn).as("depends_on with conditions").isInstanceOf(Map.class);
      assertThat(asMap(asMap(dependsOn).get(DB_SERVICE))).containsEntry("condition", "service_healthy");
    }
  }

  @Test
  void bothServicesHaveHealthchecks() {
    for (String name : services.keySet()) {
      var healthcheck = asMap(service(name).get("healthcheck"));
      assertThat(healthcheck.get("disable")).as("%s healthcheck disabled", name).isNotEqualTo(true);
      assertThat(healthcheckCommand(name)).as("%s healthcheck", name).isNotBlank().isNotEqualTo("NONE");
    }
  }

  @Test
  void appHealthcheckProbesAPublicEngineEndpointOnThePortTheAppListensOn() {
    var port = portTheAppListensOn();
    var command = healthcheckCommand(APP_SERVICE);
    Matcher url = Pattern.compile("https?://(localhost|127\\.0\\.0\\.1):(\\d+)(/\\S*)").matcher(command);

    assertThat(url.find()).as("URL in %s", command).isTrue();
    assertThat(url.group(2)).isEqualTo(port);
    assertThat(url.group(3)).contains("/engine-rest/engine");
    assertThat(SecurityConfig.isPublic(url.group(3))).as("%s needs no credentials", url.group(3)).isTrue();
    // the nodes publish nothing; the proxy reaches each of them on that port
    assertThat(upstreamServers()).contains(APP_SERVICE + ":" + port);
  }

  @Test
  void postgresKeepsItsDataInADeclaredNamedVolume() {
    var dataDir = environment(DB_SERVICE).getOrDefault("PGDATA", POSTGRES_DEFAULT_PGDATA);
    Set<String> declared = compose.get("volumes") == null ? Set.of() : asMap(compose.get("volumes")).keySet();

    var sources = volumeMounts(DB_SERVICE).stream()
        .filter(mount -> dataDir.equals(mount[1]) || dataDir.startsWith(mount[1] + "/"))
        .map(mount -> mount[0]).toList();
    assertThat(sources).as("volume holding %s", dataDir).hasSize(1);
    assertThat(declared).as("top-level volumes").contains(sources.get(0));
  }

  @Test
  void everyNodeIsTheSameButForItsName() {
    Map<String, String> first = new LinkedHashMap<>(environment(APP_SERVICE));
    Set<String> names = new LinkedHashSet<>();
    for (String app : APP_SERVICES) {
      Map<String, String> environment = new LinkedHashMap<>(environment(app));
      names.add(environment.remove(NODE_NAME));
      assertThat(environment).as("environment of %s", app).isEqualTo(withoutName(first));
      Map<String, Object> definition = new LinkedHashMap<>(service(app));
      Map<String, Object> firstDefinition = new LinkedHashMap<>(service(APP_SERVICE));
      for (String perNode : List.of("environment", "networks")) {
        definition.remove(perNode);
        firstDefinition.remove(perNode);
      }
      assertThat(definition).as("image, volumes, health check of %s", app).isEqualTo(firstDefinition);
      assertThat(definition).as("%s is started by the compose file", app).containsKey("image");
    }
    assertThat(names).as("each node its own name").doesNotContainNull().hasSize(APP_SERVICES.size());
    assertThat(variablesTheAppReads).contains(NODE_NAME);
  }

  @Test
  void onlyTheProxyPublishesAPortAndItIsThePortNginxListensOn() throws IOException {
    for (String name : services.keySet()) {
      if (!name.equals(PROXY_SERVICE)) {
        assertThat(service(name).get("ports")).as("ports of %s", name).isNull();
      }
    }
    var listen = Pattern.compile("(?m)^\\s*listen\\s+(\\d+);").matcher(Files.readString(PROXY_CONFIG));
    assertThat(listen.find()).as("listen in nginx.conf").isTrue();
    assertThat(containerPorts(PROXY_SERVICE)).containsExactly(listen.group(1));
  }

  @Test
  void proxyBalancesOverEveryNodeWithoutStickinessAndPassesTheClientAddress() throws IOException {
    String config = Files.readString(PROXY_CONFIG).replaceAll("(?m)#.*$", "");
    var port = portTheAppListensOn();
    assertThat(upstreamServers()).containsExactlyInAnyOrderElementsOf(APP_SERVICES.stream().map(app -> app + ":" + port).toList());
    assertThat(config).doesNotContain("ip_hash").doesNotContain("sticky").doesNotContain("hash ");
    assertThat(config).contains("proxy_set_header X-Forwarded-For $remote_addr;")
        .contains("proxy_set_header X-Forwarded-Proto $scheme;");
    assertThat(volumeMounts(PROXY_SERVICE)).anyMatch(mount -> mount[0].equals("./src/main/proxy/nginx.conf")
        && mount[1].equals("/etc/nginx/nginx.conf"));
    var dependsOn = asMap(service(PROXY_SERVICE).get("depends_on"));
    for (String app : APP_SERVICES) {
      assertThat(asMap(dependsOn.get(app))).containsEntry("condition", "service_healthy");
    }
  }

  @Test
  void nodesBelieveForwardedHeadersFromTheProxyAlone() {
    var trusted = Pattern.compile(environment(APP_SERVICE).get(variableOf("server.tomcat.remoteip.internal-proxies")));
    assertThat(effective).containsEntry("server.forward-headers-strategy", "native");
    assertThat(trusted.matcher(address(PROXY_SERVICE)).matches()).as("the proxy's address").isTrue();
    for (String name : services.keySet()) {
      if (!name.equals(PROXY_SERVICE) && address(name) != null) {
        assertThat(trusted.matcher(address(name)).matches()).as("address of %s", name).isFalse();
      }
    }
    assertThat(trusted.matcher("172.28.0.100").matches()).as("another container of the network").isFalse();
    assertThat(placeholders(effective.get("server.tomcat.remoteip.internal-proxies")).values())
        .as("outside compose no proxy is trusted").containsExactly("");
  }

  @Test
  void dockerComposeAcceptsTheFile() throws Exception {
    assumeTrue(Files.isExecutable(Path.of("/usr/bin/docker-compose")), "Skipped: docker-compose is not installed");
    var command = new ProcessBuilder("/usr/bin/docker-compose", "-f", ROOT.resolve("docker-compose.yml").toString(),
        "config", "-q").redirectErrorStream(true);
    // the variables that have no default, as an operator's .env would set them
    command.environment().putAll(Map.of("POSTGRES_PASSWORD", "x", "DANVAN_ADMIN_PASSWORD", "x",
        "DANVAN_SIGNING_KEYSTORE_PASSWORD", "x"));
    Process process = command.start();
    String output = new String(process.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    assertThat(process.waitFor()).as(output).isZero();
  }

  @Test
  void nginxAcceptsTheProxyConfiguration() throws Exception {
    Path binary = Nginx.require();
    // the nodes' names resolve only inside compose: the same file with the upstreams on this machine
    Path dir = Files.createTempDirectory("danvan-nginx");
    String config = Files.readString(PROXY_CONFIG);
    for (String app : APP_SERVICES) {
      config = config.replace(app + ":", "127.0.0.1:");
    }
    Files.writeString(dir.resolve("nginx.conf"), config);
    Process process = new ProcessBuilder(binary.toString(), "-t", "-p", dir.toString(), "-c", dir.resolve("nginx.conf").toString(),
        "-g", "pid " + dir.resolve("nginx.pid") + "; error_log " + dir.resolve("error.log") + ";")
        .redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    assertThat(process.waitFor()).as(output).isZero();
  }

  // ---- compose file ----

  private static Map<String, Object> service(String name) {
    assertThat(services).containsKey(name);
    return asMap(services.get(name));
  }

  private static Map<String, String> withoutName(Map<String, String> environment) {
    var copy = new LinkedHashMap<>(environment);
    copy.remove(NODE_NAME);
    return copy;
  }

  /** The service's fixed address on the compose network, or null. */
  private static String address(String serviceName) {
    var networks = service(serviceName).get("networks");
    if (networks instanceof Map<?, ?> map) {
      for (Object network : map.values()) {
        if (network instanceof Map<?, ?> settings && settings.get("ipv4_address") != null) {
          return String.valueOf(settings.get("ipv4_address"));
        }
      }
    }
    return null;
  }

  /** The {@code server host:port} lines of the proxy's upstream. */
  private static List<String> upstreamServers() {
    try {
      var upstream = Pattern.compile("(?s)upstream\\s+\\w+\\s*\\{(.*?)}").matcher(Files.readString(PROXY_CONFIG));
      assertThat(upstream.find()).as("upstream in nginx.conf").isTrue();
      return Pattern.compile("(?m)^\\s*server\\s+([^\\s;]+)").matcher(upstream.group(1)).results()
          .map(m -> m.group(1)).toList();
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static Map<String, String> appEnvironment() {
    return environment(APP_SERVICE);
  }

  /** The service's environment, from the map form or the list form ({@code KEY=value}, or {@code KEY} passed through). */
  private static Map<String, String> environment(String serviceName) {
    var environment = service(serviceName).get("environment");
    var result = new LinkedHashMap<String, String>();
    if (environment instanceof Map<?, ?> map) {
      map.forEach((key, value) -> result.put(String.valueOf(key), value == null ? "${" + key + "}" : String.valueOf(value)));
    } else if (environment instanceof List<?> list) {
      for (Object entry : list) {
        var parts = String.valueOf(entry).split("=", 2);
        result.put(parts[0], parts.length == 2 ? parts[1] : "${" + parts[0] + "}");
      }
    }
    return result;
  }

  private static String postgresUser() {
    // The image's default user and database name.
    return environment(DB_SERVICE).getOrDefault("POSTGRES_USER", "postgres");
  }

  private static String healthcheckCommand(String serviceName) {
    var test = asMap(service(serviceName).get("healthcheck")).get("test");
    if (test instanceof List<?> list) {
      var words = list.stream().map(String::valueOf).toList();
      return String.join(" ", words.get(0).startsWith("CMD") ? words.subList(1, words.size()) : words);
    }
    return test == null ? "" : String.valueOf(test);
  }

  /** PORT from the compose file if it sets it, else server.port's default (or value) in application*.yaml. */
  private static String portTheAppListensOn() {
    var serverPort = effective.getOrDefault("server.port", "8080");
    var placeholder = placeholders(serverPort);
    if (placeholder.isEmpty()) {
      return serverPort;
    }
    var name = placeholder.keySet().iterator().next();
    return appEnvironment().getOrDefault(name, placeholder.get(name));
  }

  private static List<String> containerPorts(String serviceName) {
    var ports = service(serviceName).get("ports");
    var result = new ArrayList<String>();
    for (Object port : ports instanceof List<?> list ? list : List.of()) {
      if (port instanceof Map<?, ?> map) {
        result.add(String.valueOf(map.get("target")));
      } else {
        var parts = String.valueOf(port).split(":");
        result.add(parts[parts.length - 1].replaceAll("/(tcp|udp)$", ""));
      }
    }
    return result;
  }

  /** Each mount as {source, target}, from the short ({@code source:target[:mode]}) or the long form. */
  private static List<String[]> volumeMounts(String serviceName) {
    var volumes = service(serviceName).get("volumes");
    var result = new ArrayList<String[]>();
    for (Object volume : volumes instanceof List<?> list ? list : List.of()) {
      if (volume instanceof Map<?, ?> map) {
        result.add(new String[] {String.valueOf(map.get("source")), String.valueOf(map.get("target"))});
      } else {
        var parts = String.valueOf(volume).split(":");
        if (parts.length >= 2) {
          result.add(new String[] {parts[0], parts[1]});
        }
      }
    }
    return result;
  }

  /**
   * A compose value with {@code ${NAME:?message}} reduced to {@code ${NAME}}: two values are equal for
   * every environment when their normalized forms are equal, whatever their error messages say.
   */
  private static String normalized(String composeValue) {
    assertThat(composeValue).isNotNull();
    var matcher = COMPOSE_VARIABLE.matcher(composeValue);
    var result = new StringBuilder();
    while (matcher.find()) {
      var operator = matcher.group(2);
      var replacement = operator == null || operator.endsWith("?")
          ? "${" + matcher.group(1) + "}"
          : matcher.group();
      matcher.appendReplacement(result, Matcher.quoteReplacement(replacement));
    }
    return matcher.appendTail(result).toString();
  }

  // ---- Spring configuration ----

  /** The environment variable that a property of the effective configuration is read from. */
  private static String variableOf(String property) {
    assertThat(effective).containsKey(property);
    var names = placeholders(effective.get(property)).keySet().stream().filter(DockerComposeFileTest::isEnvName).toList();
    assertThat(names).as("environment variable in %s", property).hasSize(1);
    return names.get(0);
  }

  /** Placeholder name to default value (null when it has none). */
  private static Map<String, String> placeholders(String value) {
    var result = new LinkedHashMap<String, String>();
    if (value != null) {
      var matcher = SPRING_PLACEHOLDER.matcher(value);
      while (matcher.find()) {
        result.put(matcher.group(1).trim(), matcher.group(2));
      }
    }
    return result;
  }

  private static boolean isEnvName(String name) {
    return ENV_NAME.matcher(name).matches();
  }

  /** The file's properties as dotted keys, from the documents that apply without a profile. */
  private static Map<String, String> flatten(Path file) throws IOException {
    var result = new LinkedHashMap<String, String>();
    for (Object document : loadAll(file)) {
      var properties = new LinkedHashMap<String, String>();
      flatten("", document, properties);
      var onProfile = properties.get("spring.config.activate.on-profile");
      if (onProfile == null) {
        result.putAll(properties);
      }
    }
    return result;
  }

  private static void flatten(String prefix, Object node, Map<String, String> into) {
    if (node instanceof Map<?, ?> map) {
      map.forEach((key, value) -> flatten(prefix.isEmpty() ? String.valueOf(key) : prefix + "." + key, value, into));
    } else if (node instanceof List<?> list) {
      for (int i = 0; i < list.size(); i++) {
        flatten(prefix + "[" + i + "]", list.get(i), into);
      }
    } else if (node != null) {
      into.put(prefix, String.valueOf(node));
    }
  }

  private static List<Object> loadAll(Path file) throws IOException {
    assertThat(file).exists();
    try (Reader reader = Files.newBufferedReader(file)) {
      var documents = new ArrayList<Object>();
      new Yaml().loadAll(reader).forEach(document -> {
        if (document != null) {
          documents.add(document);
        }
      });
      return documents;
    }
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> asMap(Object node) {
    assertThat(node).isInstanceOf(Map.class);
    return (Map<String, Object>) node;
  }
}
