package vn.danvan.config;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import vn.danvan.support.PostgresIntegrationTest;

/** Everything in {@code bpmn/} and {@code forms/} is deployed, wired and kept in history for a set time. */
@PostgresIntegrationTest
class DeploymentIT {

  private static final ObjectMapper JSON = new ObjectMapper();

  @Autowired ProcessEngine engine;
  @Autowired StableNameDeploymentConfiguration deploymentConfiguration;
  @Autowired ApplicationContext context;

  @Test
  void deploysEveryFileOfBpmnAndFormsUnderItsFolderName() throws IOException {
    Set<String> expected = new HashSet<>();
    for (String folder : List.of("bpmn", "forms")) {
      try (Stream<Path> files = Files.list(Path.of(folder))) {
        files.filter(Files::isRegularFile).forEach(f -> expected.add(folder + "/" + f.getFileName()));
      }
    }
    assertThat(expected).isNotEmpty();
    assertThat(deployedResourceNames()).containsAll(expected);
  }

  @Test
  void redeployingUnchangedFilesCreatesNoNewVersion() {
    RepositoryService repository = engine.getRepositoryService();
    long before = repository.createProcessDefinitionQuery().count();
    long deploymentsBefore = repository.createDeploymentQuery().count();
    var builder = repository.createDeployment().name(StableNameDeploymentConfiguration.DEPLOYMENT_NAME)
        .enableDuplicateFiltering(true);
    deploymentConfiguration.getDeploymentResources().forEach(r -> {
      try (InputStream in = r.getInputStream()) {
        builder.addInputStream(r.getDescription(), in);
      } catch (IOException e) {
        throw new IllegalStateException(e);
      }
    });
    builder.deploy();
    assertThat(repository.createDeploymentQuery().count()).isEqualTo(deploymentsBefore);
    assertThat(repository.createProcessDefinitionQuery().count()).isEqualTo(before);
  }

  @Test
  void everyUserTaskAndStartFormReferencesADeployedForm() throws IOException {
    Set<String> formIds = deployedFormIds();
    List<String> problems = new ArrayList<>();
    RepositoryService repository = engine.getRepositoryService();
    for (ProcessDefinition definition : repository.createProcessDefinitionQuery().latestVersion().list()) {
      BpmnModelInstance model = repository.getBpmnModelInstance(definition.getId());
      for (UserTask task : model.getModelElementsByType(UserTask.class)) {
        String formRef = task.getCamundaFormRef();
        if (formRef == null || !formIds.contains(formRef)) {
          problems.add(definition.getKey() + "/" + task.getId() + " formRef=" + formRef);
        }
      }
      for (StartEvent start : model.getModelElementsByType(StartEvent.class)) {
        String formRef = start.getCamundaFormRef();
        if (formRef != null && !formIds.contains(formRef)) {
          problems.add(definition.getKey() + "/" + start.getId() + " formRef=" + formRef);
        }
      }
    }
    assertThat(problems).as("user tasks without a deployed Camunda Form").isEmpty();
  }

  @Test
  void formFileNameIsTheFormId() throws IOException {
    try (Stream<Path> files = Files.list(Path.of("forms"))) {
      for (Path file : files.toList()) {
        String id = JSON.readTree(file.toFile()).path("id").asText();
        assertThat(file.getFileName().toString()).isEqualTo(id + ".form");
      }
    }
  }

  @Test
  void everyProcessAndDecisionHasAHistoryTimeToLive() {
    RepositoryService repository = engine.getRepositoryService();
    assertThat(repository.createProcessDefinitionQuery().list())
        .isNotEmpty()
        .allSatisfy(d -> assertThat(d.getHistoryTimeToLive()).as(d.getKey()).isNotNull().isPositive());
    assertThat(repository.createDecisionDefinitionQuery().list())
        .allSatisfy(d -> assertThat(d.getHistoryTimeToLive()).as(d.getKey()).isNotNull().isPositive());
  }

  @Test
  void historyCleanupIsScheduledInABatchWindow() {
    var configuration = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
    assertThat(configuration.getHistoryCleanupBatchWindowStartTime()).isEqualTo("22:00");
    assertThat(configuration.getHistoryCleanupBatchWindowEndTime()).isEqualTo("05:00");
    assertThat(engine.getHistoryService().findHistoryCleanupJobs()).isNotEmpty();
  }

  @Test
  void elementTemplatesAreWellFormedAndReferToExistingBeans() throws IOException {
    List<Path> templates;
    try (Stream<Path> files = Files.list(Path.of(".camunda", "element-templates"))) {
      templates = files.filter(f -> f.toString().endsWith(".json")).toList();
    }
    assertThat(templates).isNotEmpty();
    Pattern beanReference = Pattern.compile("\\$\\{([a-zA-Z][a-zA-Z0-9]*)[.}]");
    for (Path file : templates) {
      var root = JSON.readTree(file.toFile());
      // A file holds one template or an array of them.
      for (var template : root.isArray() ? root : List.of(root)) {
        assertThat(template.path("id").asText()).as(file + " id").isNotBlank();
        assertThat(template.path("name").asText()).as(file + " name").isNotBlank();
        assertThat(template.path("appliesTo").isArray()).as(file + " appliesTo").isTrue();
        assertThat(template.path("properties").isArray()).as(file + " properties").isTrue();
      }
      Matcher matcher = beanReference.matcher(Files.readString(file));
      while (matcher.find()) {
        assertThat(context.containsBean(matcher.group(1))).as(file + " refers to bean " + matcher.group(1)).isTrue();
      }
    }
  }

  @Test
  void runsOnPostgresql() {
    var configuration = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
    assertThat(configuration.getDatabaseType()).isEqualTo("postgres");
  }

  private Set<String> deployedResourceNames() {
    RepositoryService repository = engine.getRepositoryService();
    Set<String> names = new HashSet<>();
    for (Deployment deployment : repository.createDeploymentQuery().list()) {
      repository.getDeploymentResourceNames(deployment.getId()).forEach(names::add);
    }
    return names;
  }

  private Set<String> deployedFormIds() throws IOException {
    RepositoryService repository = engine.getRepositoryService();
    Set<String> ids = new HashSet<>();
    for (Deployment deployment : repository.createDeploymentQuery().list()) {
      for (String name : repository.getDeploymentResourceNames(deployment.getId())) {
        if (name.endsWith(".form")) {
          try (InputStream in = repository.getResourceAsStream(deployment.getId(), name)) {
            ids.add(JSON.readTree(in).path("id").asText());
          }
        }
      }
    }
    return ids;
  }
}
