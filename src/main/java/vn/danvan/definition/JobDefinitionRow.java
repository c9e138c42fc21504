package vn.danvan.definition;

import org.camunda.bpm.engine.impl.persistence.entity.JobDefinitionEntity;

/**
 * A job definition's row as {@code ACT_RU_JOBDEF} holds it: exactly the columns the engine's own
 * mapping ({@code jobDefinitionResultMap}) reads into a {@link JobDefinitionEntity}.
 */
record JobDefinitionRow(String id, int revision, String processDefinitionId, String processDefinitionKey,
    String activityId, String jobType, String jobConfiguration, Long jobPriority, int suspensionState, String tenantId,
    String deploymentId) {

  static JobDefinitionRow of(JobDefinitionEntity entity) {
    return new JobDefinitionRow(entity.getId(), entity.getRevision(), entity.getProcessDefinitionId(),
        entity.getProcessDefinitionKey(), entity.getActivityId(), entity.getJobType(), entity.getJobConfiguration(),
        entity.getOverridingJobPriority(), entity.getSuspensionState(), entity.getTenantId(), entity.getDeploymentId());
  }

  /** A new entity as the engine's mapping builds it from this row. */
  JobDefinitionEntity toEntity() {
    JobDefinitionEntity entity = new JobDefinitionEntity();
    entity.setId(id);
    entity.setRevision(revision);
    entity.setProcessDefinitionId(processDefinitionId);
    entity.setProcessDefinitionKey(processDefinitionKey);
    entity.setActivityId(activityId);
    entity.setJobType(jobType);
    entity.setJobConfiguration(jobConfiguration);
    entity.setJobPriority(jobPriority);
    entity.setSuspensionState(suspensionState);
    entity.setTenantId(tenantId);
    entity.setDeploymentId(deploymentId);
    return entity;
  }
}
