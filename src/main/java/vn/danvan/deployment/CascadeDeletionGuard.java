package vn.danvan.deployment;

import jakarta.ws.rs.core.Response;
import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineServices;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.cmd.AbstractDeleteProcessDefinitionCmd;
import org.camunda.bpm.engine.impl.cmd.DeleteDeploymentCmd;
import org.camunda.bpm.engine.impl.cmd.DeleteProcessDefinitionsByIdsCmd;
import org.camunda.bpm.engine.impl.cmd.DeleteProcessDefinitionsByKeyCmd;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.repository.ProcessDefinitionQuery;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.danvan.identity.AsSystem;

/**
 * Only administrators ({@code camunda-admin}, or the application itself without an authenticated
 * user) delete deployments and process definitions, whatever authorizations say: Camunda grants the
 * creator of a deployment DELETE on it, and an authorization can be added in Admin by mistake.
 *
 * <p>And it refuses, for everybody and through every door (both REST mounts, Cockpit, the Java API), a
 * cascading deletion of a deployment or process definition that has running or finished cases:
 * {@code cascade=true} would delete the cases and their whole history, across every unit. A plain
 * deletion is left to the engine, which refuses it while instances run and keeps the history.
 *
 * <p>Why internal API: the engine offers no public hook that sees the {@code cascade} flag of a
 * deletion (its command checkers get the deployment id only). This interceptor recognises Camunda's
 * deletion commands and reads their flags; if it cannot read them (a future engine renamed a
 * field), it refuses the deletion rather than letting it pass. It sits before the engine's own
 * interceptors and counts the cases without the caller's authorizations and tenant check: the rule
 * is about every unit's cases, not only those the caller can see.
 */
final class CascadeDeletionGuard extends CommandInterceptor {

  private static final Logger LOG = LoggerFactory.getLogger(CascadeDeletionGuard.class);

  /** The engine, available once it is built (commands run only then). */
  private final Supplier<ProcessEngine> engine;
  private final Consumer<DeploymentsChanged> deleted;

  CascadeDeletionGuard(Supplier<ProcessEngine> engine, Consumer<DeploymentsChanged> deleted) {
    this.engine = engine;
    this.deleted = deleted;
  }

  @Override
  public <T> T execute(Command<T> command) {
    if (isDeletion(command) && !isAdministrator()) {
      throw new DeletionRefusedException(Response.Status.FORBIDDEN,
          "Only administrators (camunda-admin) delete deployments and process definitions");
    }
    Deletion deletion = cascadingDeletion(command);
    if (deletion != null) {
      long cases = countCases(deletion, engine.get());
      if (cases > 0) {
        LOG.warn("Cascading deletion refused: {} {} has {} case(s)", deletion.what(), deletion.id(), cases);
        throw new DeletionRefusedException(Response.Status.CONFLICT, "Deleting " + deletion.what() + " '" + deletion.id()
            + "' with cascade=true is refused: it has " + cases + " running or historic case(s), whose "
            + "history would be lost. Delete without cascade (the history stays).");
      }
    }
    T result = next.execute(command);
    if (isDeletion(command)) {
      deleted.accept(DeploymentsChanged.deleted());
    }
    return result;
  }

  private static boolean isDeletion(Command<?> command) {
    return command instanceof DeleteDeploymentCmd || command instanceof DeleteProcessDefinitionsByIdsCmd
        || command instanceof DeleteProcessDefinitionsByKeyCmd;
  }

  private boolean isAdministrator() {
    Authentication caller = engine.get().getIdentityService().getCurrentAuthentication();
    if (caller == null || caller.getUserId() == null) {
      return true; // the application itself (startup, tests of the Java API, undeployment)
    }
    var configuration = (ProcessEngineConfigurationImpl) engine.get().getProcessEngineConfiguration();
    List<String> adminGroups = configuration.getAdminGroups() == null ? List.of() : configuration.getAdminGroups();
    List<String> adminUsers = configuration.getAdminUsers() == null ? List.of() : configuration.getAdminUsers();
    return adminUsers.contains(caller.getUserId())
        || (caller.getGroupIds() != null && caller.getGroupIds().stream().anyMatch(adminGroups::contains));
  }

  /** What a cascading deletion would delete; null when the command is no cascading deletion. */
  record Deletion(String what, String id, String deploymentId, List<String> definitionIds, String key,
      String tenantId, boolean tenantIdSet) {}

  static Deletion cascadingDeletion(Command<?> command) {
    try {
      if (command instanceof DeleteDeploymentCmd) {
        return flag(command, DeleteDeploymentCmd.class, "cascade")
            ? new Deletion("deployment", (String) field(command, DeleteDeploymentCmd.class, "deploymentId"),
                (String) field(command, DeleteDeploymentCmd.class, "deploymentId"), null, null, null, false)
            : null;
      }
      if (command instanceof DeleteProcessDefinitionsByIdsCmd) {
        Class<?> type = DeleteProcessDefinitionsByIdsCmd.class;
        if (!flag(command, type, "cascadeToHistory") && !flag(command, type, "cascadeToInstances")) {
          return null;
        }
        List<String> ids = new ArrayList<>((Collection<String>) field(command, type, "processDefinitionIds"));
        return new Deletion("process definition", String.join(",", ids), null, ids, null, null, false);
      }
      if (command instanceof DeleteProcessDefinitionsByKeyCmd) {
        if (!flag(command, AbstractDeleteProcessDefinitionCmd.class, "cascade")) {
          return null;
        }
        Class<?> type = DeleteProcessDefinitionsByKeyCmd.class;
        String key = (String) field(command, type, "processDefinitionKey");
        return new Deletion("process definition key", key, null, null, key,
            (String) field(command, type, "tenantId"), flag(command, type, "isTenantIdSet"));
      }
      return null;
    } catch (ReflectiveOperationException | RuntimeException e) {
      // Fail closed: a deletion whose flags cannot be read is treated as cascading over cases.
      throw new DeletionRefusedException(Response.Status.CONFLICT, "Deletion refused: its cascade flag cannot be checked ("
          + command.getClass().getSimpleName() + ")");
    }
  }

  private static boolean flag(Object command, Class<?> type, String name) throws ReflectiveOperationException {
    return (Boolean) field(command, type, name);
  }

  private static Object field(Object command, Class<?> type, String name) throws ReflectiveOperationException {
    Field field = type.getDeclaredField(name);
    field.setAccessible(true);
    return field.get(command);
  }

  /**
   * Counts the running and historic cases a deletion would take with it, in every unit: with the
   * caller's authentication set aside for the count (the engine checks neither authorizations nor
   * tenants without one), and put back before the deletion itself runs under it.
   */
  private static long countCases(Deletion deletion, ProcessEngineServices services) {
    return AsSystem.read(services.getIdentityService(), () -> count(deletion, services));
  }

  private static long count(Deletion deletion, ProcessEngineServices services) {
    var repository = services.getRepositoryService();
    var history = services.getHistoryService();
    var runtime = services.getRuntimeService();
    List<String> processDefinitions = new ArrayList<>();
    long cases = 0;
    if (deletion.deploymentId() != null) {
      repository.createProcessDefinitionQuery().deploymentId(deletion.deploymentId()).list()
          .forEach(d -> processDefinitions.add(d.getId()));
      for (var decision : repository.createDecisionDefinitionQuery().deploymentId(deletion.deploymentId()).list()) {
        cases += history.createHistoricDecisionInstanceQuery().decisionDefinitionId(decision.getId()).count();
      }
    } else if (deletion.definitionIds() != null) {
      processDefinitions.addAll(deletion.definitionIds());
    } else {
      ProcessDefinitionQuery query = repository.createProcessDefinitionQuery().processDefinitionKey(deletion.key());
      if (deletion.tenantIdSet()) {
        query = deletion.tenantId() == null ? query.withoutTenantId() : query.tenantIdIn(deletion.tenantId());
      }
      query.list().stream().map(ProcessDefinition::getId).forEach(processDefinitions::add);
    }
    for (String definition : processDefinitions) {
      // Running cases are in the history too (history level full); counted apart in case it is lower.
      long historic = history.createHistoricProcessInstanceQuery().processDefinitionId(definition).count();
      long running = runtime.createProcessInstanceQuery().processDefinitionId(definition).count();
      cases += Math.max(historic, running);
    }
    return cases;
  }
}
