package vn.danvan.definition;

import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;

/**
 * A process definition's row as {@code ACT_RE_PROCDEF} holds it: exactly the columns the engine's
 * own mapping ({@code processDefinitionResultMap}) reads into a {@link ProcessDefinitionEntity}.
 */
record ProcessDefinitionRow(String id, int revision, String category, String name, String key, int version,
    String deploymentId, String resourceName, String diagramResourceName, boolean hasStartFormKey, int suspensionState,
    String tenantId, String versionTag, Integer historyTimeToLive, boolean startableInTasklist) {

  static ProcessDefinitionRow of(ProcessDefinitionEntity entity) {
    return new ProcessDefinitionRow(entity.getId(), entity.getRevision(), entity.getCategory(), entity.getName(),
        entity.getKey(), entity.getVersion(), entity.getDeploymentId(), entity.getResourceName(),
        entity.getDiagramResourceName(), entity.getHasStartFormKey(), entity.getSuspensionState(), entity.getTenantId(),
        entity.getVersionTag(), entity.getHistoryTimeToLive(), entity.isStartableInTasklist());
  }

  /** A new entity as the engine's mapping builds it from this row. */
  ProcessDefinitionEntity toEntity() {
    ProcessDefinitionEntity entity = new ProcessDefinitionEntity();
    entity.setId(id);
    entity.setRevision(revision);
    entity.setCategory(category);
    entity.setName(name);
    entity.setKey(key);
    entity.setVersion(version);
    entity.setDeploymentId(deploymentId);
    entity.setResourceName(resourceName);
    entity.setDiagramResourceName(diagramResourceName);
    entity.setHasStartFormKey(hasStartFormKey);
    entity.setSuspensionState(suspensionState);
    entity.setTenantId(tenantId);
    entity.setVersionTag(versionTag);
    entity.setHistoryTimeToLive(historyTimeToLive);
    entity.setStartableInTasklist(startableInTasklist);
    return entity;
  }
}
