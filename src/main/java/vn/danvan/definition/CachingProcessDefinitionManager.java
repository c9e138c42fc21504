package vn.danvan.definition;

import org.camunda.bpm.engine.impl.db.DbEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionManager;
import org.camunda.bpm.engine.impl.persistence.entity.SuspensionState;
import org.camunda.bpm.engine.repository.ProcessDefinition;

/**
 * The engine's process definition manager with a definition's row read by id from
 * {@link KeptDefinitions} instead of the database. Every command that touches a process instance
 * reads its definition's row (for the suspension state and time to live the shared deployment
 * cache takes from it): ten times per dossier. Every bulk change and deletion of definitions
 * passes here and forgets the kept rows.
 */
final class CachingProcessDefinitionManager extends ProcessDefinitionManager {

  private final KeptDefinitions<ProcessDefinitionEntity, ProcessDefinitionRow> kept;
  private final KeptDefinitions<ProcessDefinitionEntity, ProcessDefinitionRow>.InCommand command;

  CachingProcessDefinitionManager(KeptDefinitions<ProcessDefinitionEntity, ProcessDefinitionRow> kept) {
    this.kept = kept;
    this.command = kept.inCommand();
  }

  @Override
  public ProcessDefinitionEntity findLatestProcessDefinitionById(String processDefinitionId) {
    return command.find(processDefinitionId, super::findLatestProcessDefinitionById);
  }

  @Override
  public void updateProcessDefinitionSuspensionStateById(String processDefinitionId, SuspensionState suspensionState) {
    kept.written();
    super.updateProcessDefinitionSuspensionStateById(processDefinitionId, suspensionState);
  }

  @Override
  public void updateProcessDefinitionSuspensionStateByKey(String processDefinitionKey, SuspensionState suspensionState) {
    kept.written();
    super.updateProcessDefinitionSuspensionStateByKey(processDefinitionKey, suspensionState);
  }

  @Override
  public void updateProcessDefinitionSuspensionStateByKeyAndTenantId(String processDefinitionKey, String tenantId,
      SuspensionState suspensionState) {
    kept.written();
    super.updateProcessDefinitionSuspensionStateByKeyAndTenantId(processDefinitionKey, tenantId, suspensionState);
  }

  @Override
  public void deleteProcessDefinition(ProcessDefinition processDefinition, String processDefinitionId,
      boolean cascadeToHistory, boolean cascadeToInstances, boolean skipCustomListeners, boolean skipIoMappings) {
    kept.written();
    super.deleteProcessDefinition(processDefinition, processDefinitionId, cascadeToHistory, cascadeToInstances,
        skipCustomListeners, skipIoMappings);
  }

  @Override
  public void delete(DbEntity entity) {
    kept.written();
    super.delete(entity);
  }
}
