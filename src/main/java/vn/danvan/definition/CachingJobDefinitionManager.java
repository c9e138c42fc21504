package vn.danvan.definition;

import org.camunda.bpm.engine.impl.db.DbEntity;
import org.camunda.bpm.engine.impl.persistence.entity.JobDefinitionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.JobDefinitionManager;
import org.camunda.bpm.engine.impl.persistence.entity.SuspensionState;

/**
 * The engine's job definition manager with a definition's row read by id from
 * {@link KeptDefinitions} instead of the database. Every job created (a deadline timer, the
 * signing step) reads its definition for its suspension state and priority, and its job log entry
 * reads it again: eight times per dossier. Every bulk change and deletion of job definitions passes
 * here and forgets the kept rows.
 */
final class CachingJobDefinitionManager extends JobDefinitionManager {

  private final KeptDefinitions<JobDefinitionEntity, JobDefinitionRow> kept;
  private final KeptDefinitions<JobDefinitionEntity, JobDefinitionRow>.InCommand command;

  CachingJobDefinitionManager(KeptDefinitions<JobDefinitionEntity, JobDefinitionRow> kept) {
    this.kept = kept;
    this.command = kept.inCommand();
  }

  @Override
  public JobDefinitionEntity findById(String jobDefinitionId) {
    return command.find(jobDefinitionId, super::findById);
  }

  @Override
  public void deleteJobDefinitionsByProcessDefinitionId(String id) {
    kept.written();
    super.deleteJobDefinitionsByProcessDefinitionId(id);
  }

  @Override
  public void updateJobDefinitionSuspensionStateById(String jobDefinitionId, SuspensionState suspensionState) {
    kept.written();
    super.updateJobDefinitionSuspensionStateById(jobDefinitionId, suspensionState);
  }

  @Override
  public void updateJobDefinitionSuspensionStateByProcessDefinitionId(String processDefinitionId,
      SuspensionState suspensionState) {
    kept.written();
    super.updateJobDefinitionSuspensionStateByProcessDefinitionId(processDefinitionId, suspensionState);
  }

  @Override
  public void updateJobDefinitionSuspensionStateByProcessDefinitionKey(String processDefinitionKey,
      SuspensionState suspensionState) {
    kept.written();
    super.updateJobDefinitionSuspensionStateByProcessDefinitionKey(processDefinitionKey, suspensionState);
  }

  @Override
  public void updateJobDefinitionSuspensionStateByProcessDefinitionKeyAndTenantId(String processDefinitionKey,
      String processDefinitionTenantId, SuspensionState suspensionState) {
    kept.written();
    super.updateJobDefinitionSuspensionStateByProcessDefinitionKeyAndTenantId(processDefinitionKey,
        processDefinitionTenantId, suspensionState);
  }

  @Override
  public void delete(DbEntity entity) {
    kept.written();
    super.delete(entity);
  }
}
