package vn.danvan.duty;

import static org.camunda.bpm.engine.authorization.Resources.PROCESS_DEFINITION;
import static org.camunda.bpm.engine.authorization.Resources.PROCESS_INSTANCE;
import static org.camunda.bpm.engine.authorization.Resources.TASK;

import java.io.InputStream;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.TaskPermissions;
import org.camunda.bpm.engine.impl.TaskServiceImpl;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Attachment;
import org.camunda.bpm.engine.task.Comment;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.VariableMap;

/**
 * The engine's task service with two additions, for every caller (engine REST, Tasklist's API,
 * our own code):
 * <ul>
 *   <li>a refusal of the {@link TaskGuard} reaches the caller as the {@link TaskRefusedException}
 *       itself (a 400 naming the field in every REST API), not wrapped in the engine's "exception
 *       while invoking a task listener";</li>
 *   <li>comments and attachments need the right to work on the task (or to update the process
 *       instance): Camunda checks no permission at all when they are created, so that any
 *       authenticated user, auditors included, could write on any task they can see in history.</li>
 * </ul>
 * Installed by {@link TaskGuardPlugin} in place of Camunda's own {@code TaskServiceImpl}.
 *
 * <p>Internal API: replacing an engine service means extending its implementation class; the
 * public services are interfaces the engine does not let you wrap.
 */
class GuardedTaskService extends TaskServiceImpl {

  private final ProcessEngineConfigurationImpl configuration;

  GuardedTaskService(ProcessEngineConfigurationImpl configuration) {
    this.configuration = configuration;
  }

  // ---------------------------------------------------------------- refusals unwrapped

  @Override
  public void saveTask(Task task) {
    run(() -> super.saveTask(task));
  }

  @Override
  public void setAssignee(String taskId, String userId) {
    run(() -> super.setAssignee(taskId, userId));
  }

  @Override
  public void setOwner(String taskId, String userId) {
    run(() -> super.setOwner(taskId, userId));
  }

  @Override
  public void addCandidateUser(String taskId, String userId) {
    run(() -> super.addCandidateUser(taskId, userId));
  }

  @Override
  public void addCandidateGroup(String taskId, String groupId) {
    run(() -> super.addCandidateGroup(taskId, groupId));
  }

  @Override
  public void addUserIdentityLink(String taskId, String userId, String identityLinkType) {
    run(() -> super.addUserIdentityLink(taskId, userId, identityLinkType));
  }

  @Override
  public void addGroupIdentityLink(String taskId, String groupId, String identityLinkType) {
    run(() -> super.addGroupIdentityLink(taskId, groupId, identityLinkType));
  }

  @Override
  public void claim(String taskId, String userId) {
    run(() -> super.claim(taskId, userId));
  }

  @Override
  public void delegateTask(String taskId, String userId) {
    run(() -> super.delegateTask(taskId, userId));
  }

  @Override
  public void resolveTask(String taskId) {
    run(() -> super.resolveTask(taskId));
  }

  @Override
  public void resolveTask(String taskId, Map<String, Object> variables) {
    run(() -> super.resolveTask(taskId, variables));
  }

  @Override
  public void complete(String taskId) {
    run(() -> super.complete(taskId));
  }

  @Override
  public void complete(String taskId, Map<String, Object> variables) {
    run(() -> super.complete(taskId, variables));
  }

  @Override
  public VariableMap completeWithVariablesInReturn(String taskId, Map<String, Object> variables, boolean deserializeValues) {
    return call(() -> super.completeWithVariablesInReturn(taskId, variables, deserializeValues));
  }

  // ---------------------------------------------------------------- comments and attachments

  @Override
  public Comment createComment(String taskId, String processInstanceId, String message) {
    checkMayWrite(taskId, processInstanceId);
    return call(() -> super.createComment(taskId, processInstanceId, message));
  }

  @Override
  public Attachment createAttachment(String attachmentType, String taskId, String processInstanceId, String attachmentName,
      String attachmentDescription, InputStream content) {
    checkMayWrite(taskId, processInstanceId);
    return call(() -> super.createAttachment(attachmentType, taskId, processInstanceId, attachmentName,
        attachmentDescription, content));
  }

  @Override
  public Attachment createAttachment(String attachmentType, String taskId, String processInstanceId, String attachmentName,
      String attachmentDescription, String url) {
    checkMayWrite(taskId, processInstanceId);
    return call(() -> super.createAttachment(attachmentType, taskId, processInstanceId, attachmentName,
        attachmentDescription, url));
  }

  /**
   * A comment or attachment on a task needs what completing it needs (TASK_WORK or UPDATE on the
   * task or on its process definition), one on a process instance what changing it needs (UPDATE on
   * it or UPDATE_INSTANCE on its definition); both only in the caller's units (the queries run
   * with the engine's tenant check). Engine-internal calls (no authenticated user) pass.
   */
  private void checkMayWrite(String taskId, String processInstanceId) {
    Authentication current = configuration.getIdentityService().getCurrentAuthentication();
    if (current == null || current.getUserId() == null || !configuration.isAuthorizationEnabled()) {
      return;
    }
    if (taskId != null) {
      Task task = createTaskQuery().taskId(taskId).singleResult();
      String key = task == null ? null : processDefinitionKey(task.getProcessDefinitionId());
      boolean allowed = task != null
          && (granted(current, TaskPermissions.TASK_WORK, TASK, taskId) || granted(current, Permissions.UPDATE, TASK, taskId)
          || key != null && (granted(current, ProcessDefinitionPermissions.TASK_WORK, PROCESS_DEFINITION, key)
          || granted(current, ProcessDefinitionPermissions.UPDATE_TASK, PROCESS_DEFINITION, key)));
      if (!allowed) {
        throw new AuthorizationException(current.getUserId(), TaskPermissions.TASK_WORK.getName(), TASK.resourceName(), taskId);
      }
      if (processInstanceId != null && !processInstanceId.equals(task.getProcessInstanceId())) {
        throw new TaskRefusedException("processInstanceId", "the comment's process instance is not the task's");
      }
      return;
    }
    if (processInstanceId != null) {
      ProcessInstance instance = configuration.getRuntimeService().createProcessInstanceQuery()
          .processInstanceId(processInstanceId).singleResult();
      String key = instance == null ? null : processDefinitionKey(instance.getProcessDefinitionId());
      boolean allowed = instance != null && (granted(current, Permissions.UPDATE, PROCESS_INSTANCE, processInstanceId)
          || key != null && granted(current, ProcessDefinitionPermissions.UPDATE_INSTANCE, PROCESS_DEFINITION, key));
      if (!allowed) {
        throw new AuthorizationException(current.getUserId(), Permissions.UPDATE.getName(), PROCESS_INSTANCE.resourceName(),
            processInstanceId);
      }
    }
  }

  private String processDefinitionKey(String processDefinitionId) {
    if (processDefinitionId == null) {
      return null;
    }
    ProcessDefinition definition = configuration.getRepositoryService().createProcessDefinitionQuery()
        .processDefinitionId(processDefinitionId).singleResult();
    return definition == null ? null : definition.getKey();
  }

  private boolean granted(Authentication current, Permission permission, Resource resource, String resourceId) {
    List<String> groups = current.getGroupIds();
    return configuration.getAuthorizationService().isUserAuthorized(current.getUserId(), groups, permission, resource,
        resourceId);
  }

  static void run(Runnable action) {
    try {
      action.run();
    } catch (RuntimeException e) {
      throw TaskRefusedException.unwrap(e);
    }
  }

  static <T> T call(Supplier<T> action) {
    try {
      return action.get();
    } catch (RuntimeException e) {
      throw TaskRefusedException.unwrap(e);
    }
  }
}
