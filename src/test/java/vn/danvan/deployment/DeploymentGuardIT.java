package vn.danvan.deployment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.camunda.bpm.dmn.engine.impl.DefaultDmnEngineConfiguration;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.danvan.support.Http;
import vn.danvan.support.RunningApplicationTest;

/**
 * The deployment guard and the runtime sandbox through the real REST API on PostgreSQL: every known
 * exploit shape is refused with a 400 naming resource, element and attribute, and nothing of it is
 * deployed or runs; a model that bypassed the guard still cannot reach beyond the sandbox; legitimate
 * new diagrams deploy and run.
 */
class DeploymentGuardIT extends RunningApplicationTest {

  private static final Path MARKER_DIR = Path.of("target", "guard-markers").toAbsolutePath();

  @Autowired ApplicationContext context;
  @Autowired JdbcTemplate jdbc;

  /** One exploit shape: the file deployed, and the element and attribute the refusal must name. */
  record Exploit(String name, String resource, String content, String elementId, String attribute) {
    @Override
    public String toString() {
      return name;
    }
  }

  static Path marker(String name) {
    return MARKER_DIR.resolve(name);
  }

  static String reflectiveExec(Path marker) {
    return "${''.getClass().forName('java.lang.Runtime').getMethod('getRuntime').invoke(null).exec('touch " + marker + "')}";
  }

  static Stream<Exploit> exploits() {
    return Stream.of(
        new Exploit("timer timeDate with reflection at deploy time", "timer.bpmn",
            bpmn("p_timer", "<bpmn:startEvent id='TimerStart'><bpmn:timerEventDefinition id='TimerDef'>"
                + "<bpmn:timeDate xsi:type='bpmn:tFormalExpression'>" + reflectiveExec(marker("timer"))
                + "</bpmn:timeDate></bpmn:timerEventDefinition></bpmn:startEvent>"), "TimerDef", "bpmn:timeDate"),
        new Exploit("service task making its starter admin", "admin.bpmn",
            serviceTask("p_admin", "camunda:expression",
                "${identityService.createMembership('quangtri.owner', 'camunda-admin')}"), "Evil", "camunda:expression"),
        new Exploit("jdbcTemplate", "jdbc.bpmn",
            serviceTask("p_jdbc", "camunda:expression", "${jdbcTemplate.execute('CREATE TABLE pwned (x INT)')}"),
            "Evil", "camunda:expression"),
        new Exploit("Runtime.exec in a service task", "exec.bpmn",
            serviceTask("p_exec", "camunda:expression", reflectiveExec(marker("exec"))), "Evil", "camunda:expression"),
        new Exploit("execution.getProcessEngineServices()", "services.bpmn",
            serviceTask("p_services", "camunda:expression",
                "${execution.getProcessEngineServices().getIdentityService().createMembership('quangtri.owner', 'camunda-admin')}"),
            "Evil", "camunda:expression"),
        new Exploit("delegate expression reaching the engine", "delegate.bpmn",
            serviceTask("p_delegate", "camunda:delegateExpression", "${dataSource}"), "Evil", "camunda:delegateExpression"),
        new Exploit("script task", "script.bpmn",
            bpmn("p_script", "<bpmn:startEvent id='S'/><bpmn:scriptTask id='Script' scriptFormat='javascript'>"
                + "<bpmn:script>java.lang.Runtime.getRuntime().exec('id')</bpmn:script></bpmn:scriptTask>"), "Script", "bpmn:scriptTask"),
        new Exploit("camunda:class java.lang.Runtime", "class.bpmn",
            serviceTask("p_class", "camunda:class", "java.lang.Runtime"), "Evil", "camunda:class"),
        new Exploit("embedded HTML form key", "embedded.bpmn",
            bpmn("p_embedded", "<bpmn:startEvent id='S'/><bpmn:userTask id='Form' camunda:formKey='embedded:deployment:x.html'/>"),
            "Form", "camunda:formKey"),
        new Exploit("DMN with a JUEL input expression", "juel.dmn",
            "<definitions xmlns='https://www.omg.org/spec/DMN/20191111/MODEL/' id='Defs' name='d' namespace='x'>"
                + "<decision id='juelDecision' name='d'><decisionTable id='Table'><input id='In'>"
                + "<inputExpression id='JuelInput' expressionLanguage='juel' typeRef='string'><text>"
                + reflectiveExec(marker("dmn")) + "</text></inputExpression></input>"
                + "<output id='Out' name='o' typeRef='string'/></decisionTable></decision></definitions>",
            "JuelInput", "expressionLanguage"),
        new Exploit("HTML resource", "form.html", "<html><script>fetch('/engine-rest/user')</script></html>", "-", "-"));
  }

  @ParameterizedTest
  @MethodSource("exploits")
  void exploitIsRefusedWith400NamingElementAndAttributeAndNothingIsDeployedOrRun(Exploit exploit) throws IOException {
    Files.createDirectories(MARKER_DIR);
    Logger guardLog = (Logger) LoggerFactory.getLogger(DeploymentGuard.class);
    ListAppender<ILoggingEvent> log = new ListAppender<>();
    log.start();
    guardLog.addAppender(log);
    String deploymentName = "exploit-" + UUID.randomUUID();
    long deploymentsBefore = engine.getRepositoryService().createDeploymentQuery().count();

    Http.Answer answer;
    try {
      answer = deploy("quangtri.owner", deploymentName, exploit.resource(), exploit.content());
    } finally {
      guardLog.detachAppender(log);
    }

    assertThat(answer.status()).as(answer.body()).isEqualTo(400);
    String message = answer.json().path("message").asText();
    assertThat(message).contains("'" + exploit.resource() + "'", "element '" + exploit.elementId() + "'",
        "attribute '" + exploit.attribute() + "'");
    assertThat(engine.getRepositoryService().createDeploymentQuery().deploymentName(deploymentName).count()).isZero();
    assertThat(engine.getRepositoryService().createDeploymentQuery().count()).isEqualTo(deploymentsBefore);
    assertThat(marker("timer")).doesNotExist();
    assertThat(marker("exec")).doesNotExist();
    assertThat(marker("dmn")).doesNotExist();
    assertThat(engine.getIdentityService().createUserQuery().memberOfGroup("camunda-admin").userId("quangtri.owner").count())
        .isZero();
    assertThat(log.list).anySatisfy(event -> {
      assertThat(event.getLevel()).isEqualTo(Level.WARN);
      assertThat(event.getFormattedMessage()).contains("Deployment refused: user=quangtri.owner, resource=" + exploit.resource());
    });
  }

  @Test
  void theSameExploitThroughTheJavaApiIsRefusedToo() {
    BpmnModelInstance model = Bpmn.createExecutableProcess("p_java").camundaHistoryTimeToLive(1).startEvent()
        .serviceTask("Evil").camundaExpression("${identityService.createMembership('quangtri.owner', 'camunda-admin')}")
        .endEvent().done();
    assertThatThrownBy(() -> engine.getRepositoryService().createDeployment().name("java-exploit")
        .addModelInstance("java.bpmn", model).deploy())
        .isInstanceOf(DeploymentRefusedException.class)
        .hasMessageContaining("element 'Evil'")
        // the model API writes its engine's own prefix (camunda: or, on Operaton, operaton:)
        .hasMessageMatching("(?s).*attribute '(camunda|operaton):expression'.*");
    assertThat(engine.getRepositoryService().createDeploymentQuery().deploymentName("java-exploit").count()).isZero();
  }

  @Test
  void aNewDiagramUsingTheWorkCalendarDeploysThroughRestAndRuns() {
    String name = "calendar-" + UUID.randomUUID();
    // a key the operator's grants file (test-process-grants.yaml) lets specialists work on
    String key = "calendarProbe";
    String diagram = bpmn(key, "<bpmn:startEvent id='Start'/>"
        + "<bpmn:serviceTask id='Note' camunda:expression=\"${execution.setVariable('noted', execution.getVariable('unitCode'))}\"/>"
        + "<bpmn:sequenceFlow id='f0' sourceRef='Start' targetRef='Note'/>"
        + "<bpmn:userTask id='Review' camunda:candidateGroups='specialist' camunda:dueDate='${workCalendar.plusWorkingDays(now(), 3)}'>"
        + "<bpmn:incoming>f1</bpmn:incoming></bpmn:userTask>"
        + "<bpmn:boundaryEvent id='Late' attachedToRef='Review' cancelActivity='false'><bpmn:timerEventDefinition id='LateTimer'>"
        + "<bpmn:timeDate xsi:type='bpmn:tFormalExpression'>${workCalendar.plusWorkingDays(now(), 3)}</bpmn:timeDate>"
        + "</bpmn:timerEventDefinition></bpmn:boundaryEvent>"
        + "<bpmn:sequenceFlow id='f1' sourceRef='Note' targetRef='Review'/>");

    Http.Answer deployed = deploy("quangtri.owner", name, "calendar.bpmn", diagram);
    assertThat(deployed.status()).as(deployed.body()).isEqualTo(200);
    String deploymentId = deployed.json().path("id").asText();

    Http.Answer started = http.postJson("/engine-rest/process-definition/key/" + key + "/start", "demo",
        "{\"variables\": {\"unitCode\": {\"value\": \"dongha\"}}}");
    assertThat(started.status()).as(started.body()).isEqualTo(200);
    String instanceId = started.json().path("id").asText();
    assertThat(engine.getRuntimeService().getVariable(instanceId, "noted")).isEqualTo("dongha");
    var task = engine.getTaskService().createTaskQuery().processInstanceId(instanceId).singleResult();
    assertThat(task.getDueDate()).isAfter(new java.util.Date());
    var timer = engine.getManagementService().createJobQuery().processInstanceId(instanceId).timers().singleResult();
    assertThat(timer.getDuedate()).isEqualTo(task.getDueDate());

    // Who deployed what: Camunda's operation log has the user, our audit table the resources and their hash.
    Http.Answer log = http.get("/engine-rest/history/user-operation?entityType=Deployment&operationType=Create&deploymentId="
        + deploymentId, "demo");
    assertThat(log.json().findValuesAsText("userId")).contains("quangtri.owner");
    var audit = jdbc.queryForList("SELECT deployed_by, resource_name, sha256, deployment_name FROM dv_deployment_audit "
        + "WHERE deployment_id = ?", deploymentId);
    assertThat(audit).singleElement().satisfies(row -> {
      assertThat(row.get("deployed_by")).isEqualTo("quangtri.owner");
      assertThat(row.get("resource_name")).isEqualTo("calendar.bpmn");
      assertThat(row.get("deployment_name")).isEqualTo(name);
      assertThat(row.get("sha256")).isEqualTo(DeploymentAudit.sha256(diagram.getBytes(StandardCharsets.UTF_8)));
    });
  }

  @Test
  void startupDeploymentOfOurOwnModelsIsAudited() {
    List<String> resources = jdbc.queryForList("SELECT resource_name FROM dv_deployment_audit WHERE deployment_name = 'danvan'",
        String.class);
    assertThat(resources).contains("bpmn/dossierApproval.bpmn", "bpmn/procedureCatalogue.dmn", "forms/receive-dossier.form");
  }

  // ---- runtime sandbox: models that never passed the guard ----

  @Test
  void reflectionInAnUnreviewedModelIsRefusedAtRunTimeAndRunsNothing() throws IOException {
    Files.createDirectories(MARKER_DIR);
    Path marker = marker("runtime-" + UUID.randomUUID());
    String key = installUnreviewed("sandbox_exec", reflectiveExec(marker));
    assertThatThrownBy(() -> start(key)).hasMessageContaining("Refused by the expression sandbox");
    assertThat(marker).doesNotExist();
    assertThat(engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey(key).count()).isZero();
  }

  @Test
  void anUnreviewedModelSeesNoSpringBeanButTheExposedOnes() {
    String admin = installUnreviewed("sandbox_admin", "${identityService.createMembership('quangtri.owner', 'camunda-admin')}");
    assertThatThrownBy(() -> start(admin)).hasMessageContaining("identityService");
    String jdbcKey = installUnreviewed("sandbox_jdbc", "${jdbcTemplate.execute('CREATE TABLE pwned (x INT)')}");
    assertThatThrownBy(() -> start(jdbcKey)).hasMessageContaining("jdbcTemplate");
    String services = installUnreviewed("sandbox_services",
        "${execution.getProcessEngineServices().getIdentityService().createMembership('quangtri.owner', 'camunda-admin')}");
    assertThatThrownBy(() -> start(services)).hasMessageContaining("Refused by the expression sandbox");

    assertThat(engine.getIdentityService().createUserQuery().memberOfGroup("camunda-admin").userId("quangtri.owner").count())
        .isZero();
    assertThat(jdbc.queryForObject("SELECT count(*) FROM information_schema.tables WHERE table_name = 'pwned'", Long.class))
        .isZero();
  }

  @Test
  void aReflectiveTimerOfAnUnreviewedModelFailsItsOwnDeployment() throws IOException {
    Files.createDirectories(MARKER_DIR);
    Path marker = marker("timer-" + UUID.randomUUID());
    String diagram = bpmn("sandbox_timer", "<bpmn:startEvent id='TimerStart'><bpmn:timerEventDefinition id='TimerDef'>"
        + "<bpmn:timeDate xsi:type='bpmn:tFormalExpression'>" + reflectiveExec(marker)
        + "</bpmn:timeDate></bpmn:timerEventDefinition></bpmn:startEvent>");
    assertThatThrownBy(() -> DeploymentGuard.unreviewed(() -> engine.getRepositoryService().createDeployment()
        .name("sandbox-timer").addString("timer.bpmn", diagram).deploy()))
        .hasStackTraceContaining("Refused by the expression sandbox");
    assertThat(marker).doesNotExist();
    assertThat(engine.getRepositoryService().createDeploymentQuery().deploymentName("sandbox-timer").count()).isZero();
  }

  // ---- what the engine is given ----

  @Test
  void theEngineResolvesOnlyExposedBeansThroughTheSandbox() {
    var configuration = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
    assertThat(configuration.getExpressionManager()).isInstanceOf(SandboxExpressionManager.class);
    assertThat(configuration.getBeans()).containsKeys("workCalendar", "caseClock", "registerDossierDelegate",
        "signDocumentDelegate");
    assertThat(configuration.getBeans()).doesNotContainKeys("identityService", "jdbcTemplate", "dataSource",
        "processEngine", "runtimeService", "dossierService");
    // the case clock: its step due dates for diagrams, its changes (pause, extend…) out of their reach
    assertThat(configuration.getBeans()).containsKey("caseClock").doesNotContainKey("caseClockService");
  }

  @Test
  void decisionsRunFeelOnlyWithoutExternalJavaFunctions() {
    var configuration = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
    var dmn = (DefaultDmnEngineConfiguration) configuration.getDmnEngineConfiguration();
    String feel = DefaultDmnEngineConfiguration.FEEL_EXPRESSION_LANGUAGE;
    assertThat(dmn.getDefaultInputExpressionExpressionLanguage()).isEqualTo(feel);
    assertThat(dmn.getDefaultInputEntryExpressionLanguage()).isEqualTo(feel);
    assertThat(dmn.getDefaultOutputEntryExpressionLanguage()).isEqualTo(feel);
    assertThat(dmn.getDefaultLiteralExpressionLanguage()).isEqualTo(feel);
    assertThat(configuration.isDmnFeelEnableLegacyBehavior()).isFalse();
    assertThat(configuration.getDmnFeelCustomFunctionProviders()).isNullOrEmpty();
  }

  /** FEEL passes the guard, so its way to Java, external functions, must be closed in the engine. */
  @Test
  void feelExternalJavaFunctionsAreOff() {
    String dmn = "<definitions xmlns='https://www.omg.org/spec/DMN/20191111/MODEL/' xmlns:camunda='http://camunda.org/schema/1.0/dmn'"
        + " id='Defs' name='d' namespace='x'><decision id='externalFunction' name='e' camunda:historyTimeToLive='1'>"
        + "<variable id='V' name='result' typeRef='string'/><literalExpression id='L'><text>"
        + "{f: function(a) external {java: {class: \"java.lang.System\", method signature: \"getProperty(java.lang.String)\"}},"
        + " r: f(\"java.version\")}.r</text></literalExpression></decision></definitions>";
    engine.getRepositoryService().createDeployment().name("feel-external").addString("external.dmn", dmn).deploy();
    // FEEL refuses the definition of an external function itself: it never calls System.getProperty.
    assertThatThrownBy(() -> engine.getDecisionService().evaluateDecisionByKey("externalFunction").evaluate())
        .hasRootCauseInstanceOf(org.camunda.bpm.dmn.feel.impl.FeelException.class)
        .rootCause().hasMessageContaining("External functions are disabled");
  }

  /** A bean named by our models or element templates that is not exposed would fail at run time. */
  @Test
  void everyBeanReferencedByModelsAndElementTemplatesIsExposed() throws IOException {
    ExposedBeans exposed = ExposedBeans.collect(context);
    Pattern expression = Pattern.compile("[$#]\\{([^}]*)}");
    Pattern identifier = Pattern.compile("(?<![.\\w])([A-Za-z_]\\w*)");
    List<Path> files = new ArrayList<>();
    for (String folder : List.of("bpmn", ".camunda/element-templates")) {
      try (Stream<Path> list = Files.list(Path.of(folder))) {
        list.forEach(files::add);
      }
    }
    List<String> referenced = new ArrayList<>();
    for (Path file : files) {
      Matcher m = expression.matcher(Files.readString(file));
      while (m.find()) {
        Matcher names = identifier.matcher(m.group(1).replaceAll("'[^']*'|\"[^\"]*\"", "''"));
        while (names.find()) {
          if (context.containsBean(names.group(1))) {
            referenced.add(names.group(1));
            assertThat(exposed.contains(names.group(1))).as(file + " uses bean " + names.group(1)).isTrue();
          }
        }
      }
    }
    assertThat(referenced).contains("workCalendar", "caseClock", "signDocumentDelegate");
  }

  // ---- helpers ----

  private String installUnreviewed(String key, String expression) {
    String unique = key + "_" + UUID.randomUUID().toString().substring(0, 8);
    BpmnModelInstance model = Bpmn.createExecutableProcess(unique).camundaHistoryTimeToLive(1).startEvent()
        .serviceTask("Evil").camundaExpression(expression).endEvent().done();
    DeploymentGuard.unreviewed(() -> engine.getRepositoryService().createDeployment().name(unique)
        .addModelInstance(unique + ".bpmn", model).deploy());
    return unique;
  }

  private void start(String key) {
    engine.getRuntimeService().startProcessInstanceByKey(key, java.util.Map.of("unitCode", "dongha"));
  }

  Http.Answer deploy(String user, String deploymentName, String fileName, String content) {
    return deployWith(http, user, deploymentName, fileName, content);
  }

  /** A multipart deployment as Camunda Modeler sends it. */
  static Http.Answer deployWith(Http http, String user, String deploymentName, String fileName, String content) {
    String body = "--x\r\nContent-Disposition: form-data; name=\"deployment-name\"\r\n\r\n" + deploymentName + "\r\n"
        + "--x\r\nContent-Disposition: form-data; name=\"data\"; filename=\"" + fileName + "\"\r\n"
        + "Content-Type: application/octet-stream\r\n\r\n" + content + "\r\n--x--\r\n";
    return http.send(http.request("/engine-rest/deployment/create", user)
        .header("Content-Type", "multipart/form-data; boundary=x")
        .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build());
  }

  static String serviceTask(String key, String attribute, String value) {
    return bpmn(key, "<bpmn:startEvent id='S'/><bpmn:serviceTask id='Evil' " + attribute + "=\"" + value + "\"/>");
  }

  static String bpmn(String key, String elements) {
    return "<?xml version='1.0' encoding='UTF-8'?>"
        + "<bpmn:definitions xmlns:bpmn='http://www.omg.org/spec/BPMN/20100524/MODEL'"
        + " xmlns:camunda='http://camunda.org/schema/1.0/bpmn' xmlns:xsi='http://www.w3.org/2001/XMLSchema-instance'"
        + " id='Defs' targetNamespace='http://danvan.vn/test'>"
        + "<bpmn:process id='" + key + "' isExecutable='true' camunda:historyTimeToLive='1'>" + elements
        + "</bpmn:process></bpmn:definitions>";
  }
}
