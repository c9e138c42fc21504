package vn.danvan.deployment;

import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.camunda.bpm.engine.ProcessEngineServices;
import org.camunda.bpm.engine.impl.cmd.AbstractDeleteProcessDefinitionCmd;
import org.camunda.bpm.engine.impl.cmd.DeleteDeploymentCmd;
import org.camunda.bpm.engine.impl.cmd.DeleteProcessDefinitionsByIdsCmd;
import org.camunda.bpm.engine.impl.cmd.DeleteProcessDefinitionsByKeyCmd;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.repository.ProcessDefinitionQuery;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Refuses, for everybody and through every door (both REST mounts, Cockpit, the Java API), a
 * cascading deletion of a deployment or process definition that has running or finished cases:
 * {@code cascade=true} would delete the cases and their whole history, across every unit. A plain
 * deletion is left to the engine, which refuses it while instances run and keeps the history.
 *
 * <p>Why internal API: the engine offers no public hook that sees the {@code cascade} flag of a
 * deletion (its command checkers get the deployment id only). This interceptor recognises Camunda's
 * deletion commands and reads their flags; if it cannot read them (a future engine renamed a
 * field), it refuses the deletion rather than letting it pass. It sits before the engine's own
 * interceptors and counts the cases in a command of its own, without the caller's authorizations
 * and tenant check: the rule is about every unit's cases, not only those the caller can see.
 */
final class CascadeDeletionGuard extends CommandInterceptor {

  private static final Logger LOG = LoggerFactory.getLogger(CascadeDeletionGuard.class);

  private final ProcessEngineServicesProvider services;

  /** The engine's services, available once the engine is built. */
  interface ProcessEngineServicesProvider {
    ProcessEngineServices get();
  }

  CascadeDeletionGuard(ProcessEngineServicesProvider services) {
    this.services = services;
  }

  @Override
  public <T> T execute(Command<T> command) {
    Deletion deletion = cascadingDeletion(command);
    if (deletion != null) {
      long cases = next.execute(new CountCases(deletion, services.get()));
      if (cases > 0) {
        LOG.warn("Cascading deletion refused: {} {} has {} case(s)", deletion.what(), deletion.id(), cases);
        throw new DeletionRefusedException("Deleting " + deletion.what() + " '" + deletion.id()
            + "' with cascade=true is refused: it has " + cases + " running or historic case(s), whose "
            + "history would be lost. Delete without cascade (the history stays).");
      }
    }
    return next.execute(command);
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
      throw new DeletionRefusedException("Deletion refused: its cascade flag cannot be checked ("
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

  /** Counts the running and historic cases a deletion would take with it, in every unit. */
  private record CountCases(Deletion deletion, ProcessEngineServices services) implements Command<Long> {
    @Override
    public Long execute(CommandContext context) {
      boolean tenantCheck = context.isTenantCheckEnabled();
      context.disableTenantCheck();
      try {
        return context.runWithoutAuthorization(this::count);
      } finally {
        if (tenantCheck) {
          context.enableTenantCheck();
        }
      }
    }

    private long count() {
      var repository = services.getRepositoryService();
      var history = services.getHistoryService();
      List<String> processDefinitions = new ArrayList<>();
      long cases = 0;
      if (deletion.deploymentId() != null) {
        repository.createProcessDefinitionQuery().deploymentId(deletion.deploymentId()).list()
            .forEach(d -> processDefinitions.add(d.getId()));
        for (var decision : repository.createDecisionDefinitionQuery().deploymentId(deletion.deploymentId()).list()) {
          cases += history.createHistoricDecisionInstanceQuery().decisionDefinitionId(decision.getId()).count();
        }
        cases += services.getRuntimeService().createProcessInstanceQuery().deploymentId(deletion.deploymentId()).count();
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
        cases += history.createHistoricProcessInstanceQuery().processDefinitionId(definition).count();
        cases += services.getRuntimeService().createProcessInstanceQuery().processDefinitionId(definition).count();
      }
      return cases;
    }
  }
}
