package vn.danvan.identity;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import vn.danvan.support.LogLines;
import vn.danvan.support.OneTaskProbe;
import vn.danvan.support.PostgresIntegrationTest;

/**
 * The default authorizations of a task, on PostgreSQL: a process's task created in a command gets
 * them without the engine asking the table first (MyBatis logs every execution of the look-up
 * statement; none is logged for the new task's candidate group), and with the permissions
 * Camunda gives (READ, UPDATE, READ_VARIABLE); its assignee is still looked up at the claim (the
 * task exists by then), and a standalone task, whose id the caller chooses, is still looked up,
 * so an authorization that already names it is updated rather than written twice.
 */
@PostgresIntegrationTest
class TaskAuthorizationLookupIT {

  private static final String PROCESS = OneTaskProbe.KEY;
  /** MyBatis logs each mapped statement under its id. */
  private static final String LOOKUP_LOG =
      "org.camunda.bpm.engine.impl.persistence.entity.AuthorizationEntity.selectAuthorizationByParameters";

  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired AuthorizationService authorizations;

  @BeforeAll
  static void deploy(@Autowired RepositoryService repository) {
    OneTaskProbe.deployOnce(repository);
  }

  @AfterEach
  void clean() {
    runtime.createProcessInstanceQuery().processDefinitionKey(PROCESS).list()
        .forEach(i -> runtime.deleteProcessInstance(i.getId(), "test"));
    if (tasks.createTaskQuery().taskId("standalone-probe").count() > 0) {
      tasks.deleteTask("standalone-probe", true);
    }
    authorizations.createAuthorizationQuery().resourceType(Resources.TASK).resourceId("standalone-probe").list()
        .forEach(a -> authorizations.deleteAuthorization(a.getId()));
  }

  /** What {@code action} returns, and how many look-ups of an existing authorization it ran. */
  private static <T> Map.Entry<T, Integer> countingLookups(Supplier<T> action) {
    LogLines.Counted<T> counted = LogLines.count(LOOKUP_LOG, Level.DEBUG, "Preparing:", action);
    return Map.entry(counted.result(), counted.lines());
  }

  private Authorization groupAuthorization(String taskId, String group) {
    return authorizations.createAuthorizationQuery().resourceType(Resources.TASK).resourceId(taskId).groupIdIn(group)
        .singleResult();
  }

  @Test
  void aNewProcessTaskGetsItsGroupsAuthorizationWithoutALookUp() {
    var started = countingLookups(() -> runtime.startProcessInstanceByKey(PROCESS, Map.of("unitCode", "dongha")));
    ProcessInstance instance = started.getKey();
    Task task = tasks.createTaskQuery().processInstanceId(instance.getId()).singleResult();

    assertThat(started.getValue()).as("look-ups while the task was created").isZero();
    Authorization specialists = groupAuthorization(task.getId(), "specialist");
    assertThat(specialists).isNotNull();
    assertThat(specialists.isPermissionGranted(Permissions.READ)).isTrue();
    assertThat(specialists.isPermissionGranted(Permissions.UPDATE)).isTrue();

    var claimed = countingLookups(() -> {
      tasks.claim(task.getId(), "dongha.specialist");
      return task.getId();
    });
    assertThat(claimed.getValue()).as("the assignee of an existing task is looked up").isEqualTo(1);
    assertThat(authorizations.createAuthorizationQuery().resourceType(Resources.TASK).resourceId(task.getId())
        .userIdIn("dongha.specialist").count()).isEqualTo(1);
  }

  @Test
  void aStandaloneTaskIsLookedUpAndItsExistingAuthorizationUpdated() {
    Authorization existing = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
    existing.setGroupId("specialist");
    existing.setResource(Resources.TASK);
    existing.setResourceId("standalone-probe");
    existing.addPermission(Permissions.READ);
    authorizations.saveAuthorization(existing);

    var created = countingLookups(() -> {
      Task task = tasks.newTask("standalone-probe");
      task.setName("Việc riêng");
      tasks.saveTask(task);
      tasks.addCandidateGroup("standalone-probe", "specialist");
      return task;
    });

    assertThat(created.getValue()).isPositive();
    List<Authorization> rows = authorizations.createAuthorizationQuery().resourceType(Resources.TASK)
        .resourceId("standalone-probe").groupIdIn("specialist").list();
    assertThat(rows).hasSize(1);
    assertThat(rows.get(0).isPermissionGranted(Permissions.UPDATE)).as("updated with the task's permissions").isTrue();
  }
}
