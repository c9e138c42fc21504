package vn.danvan.identity;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import vn.danvan.support.LogLines;
import vn.danvan.support.OneTaskProbe;
import vn.danvan.support.PostgresIntegrationTest;

/**
 * An authorization check asked twice in one engine command is answered the second time as the
 * first, as when a completion's form check reads the task's form and then its variables; in two
 * commands it is asked twice. A check of another user, and any check after this command wrote or
 * deleted an authorization, is asked again, and a refusal stays a refusal. The manager logs each
 * check it answers so at TRACE.
 */
@PostgresIntegrationTest
class RepeatedAuthorizationChecksIT {

  private static final String ANSWERED_LOG = "vn.danvan.identity.CachingAuthorizationManager";
  private static final String SPECIALIST = "dongha.specialist";
  private static final String OUTSIDER = "probe.outsider";

  @Autowired ProcessEngine engine;
  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired FormService forms;
  @Autowired IdentityService identity;
  @Autowired AuthorizationService authorizations;

  private String taskId;

  @BeforeAll
  static void deploy(@Autowired RepositoryService repository) {
    OneTaskProbe.deployOnce(repository);
  }

  @BeforeEach
  void startProbe() {
    String instance = runtime.startProcessInstanceByKey(OneTaskProbe.KEY, Map.of("unitCode", "dongha")).getId();
    taskId = tasks.createTaskQuery().processInstanceId(instance).singleResult().getId();
  }

  @AfterEach
  void clean() {
    identity.clearAuthentication();
    runtime.createProcessInstanceQuery().processDefinitionKey(OneTaskProbe.KEY).list()
        .forEach(i -> runtime.deleteProcessInstance(i.getId(), "test"));
    authorizations.createAuthorizationQuery().groupIdIn("probe-group").list()
        .forEach(a -> authorizations.deleteAuthorization(a.getId()));
  }

  private <T> T inOneCommand(Command<T> command) {
    return ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getCommandExecutorTxRequired()
        .execute(command);
  }

  /** How many of {@code action}'s checks were answered as an earlier one of their command. */
  private static int answeredAsBefore(Runnable action) {
    return LogLines.count(ANSWERED_LOG, Level.TRACE, "answered as earlier", () -> {
      action.run();
      return null;
    }).lines();
  }

  private void asSpecialist() {
    identity.setAuthentication(SPECIALIST, List.of("specialist"), List.of("dongha"));
  }

  private Authorization probeGrant(String processKey) {
    Authorization grant = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
    grant.setGroupId("probe-group");
    grant.setResource(Resources.PROCESS_DEFINITION);
    grant.setResourceId(processKey);
    grant.addPermission(Permissions.READ);
    return grant;
  }

  /** As a completion's form check reads: the task's form data (READ_VARIABLE, READ), then its variables (READ_VARIABLE). */
  @Test
  void theSameCheckTwiceInOneCommandIsAskedOnce() {
    asSpecialist();
    int twoCommands = answeredAsBefore(() -> {
      forms.getTaskFormData(taskId);
      forms.getTaskFormVariables(taskId);
    });
    int oneCommand = answeredAsBefore(() -> inOneCommand(context -> {
      forms.getTaskFormData(taskId);
      return forms.getTaskFormVariables(taskId);
    }));

    assertThat(twoCommands).as("two commands").isZero();
    assertThat(oneCommand).as("one command").isEqualTo(1);
  }

  @Test
  void anAuthorizationWrittenOrDeletedInTheCommandMeansAskingAgain() {
    Authorization existing = authorizations.saveAuthorization(probeGrant(OneTaskProbe.KEY));
    int asBefore = answeredAsBefore(() -> inOneCommand(context -> {
      asSpecialist();
      forms.getTaskFormVariables(taskId);
      identity.clearAuthentication();
      authorizations.deleteAuthorization(existing.getId());
      asSpecialist();
      forms.getTaskFormVariables(taskId);
      identity.clearAuthentication();
      // another resource: the flush inserts before it deletes
      authorizations.saveAuthorization(probeGrant("otherProbe"));
      asSpecialist();
      return forms.getTaskFormVariables(taskId);
    }));

    assertThat(asBefore).isZero();
  }

  @Test
  void anotherUsersCheckIsAskedAndARefusalStaysARefusal() {
    boolean[] answers = new boolean[3];
    int asBefore = answeredAsBefore(() -> inOneCommand(context -> {
      answers[0] = authorizations.isUserAuthorized(OUTSIDER, List.of("citizen"), Permissions.READ, Resources.TASK, taskId);
      answers[1] = authorizations.isUserAuthorized(OUTSIDER, List.of("citizen"), Permissions.READ, Resources.TASK, taskId);
      answers[2] = authorizations.isUserAuthorized(SPECIALIST, List.of("specialist"), Permissions.READ, Resources.TASK,
          taskId);
      return null;
    }));

    assertThat(answers).containsExactly(false, false, true);
    assertThat(asBefore).as("the outsider's second check").isEqualTo(1);
  }
}
