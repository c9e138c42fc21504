package vn.danvan.definition;

import java.time.Duration;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.JobDefinitionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.JobDefinitionManager;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionManager;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import vn.danvan.config.EngineManagers;
import vn.danvan.config.KeptBriefly;
import vn.danvan.deployment.DeploymentsChanged;

/**
 * Keeps the engine's process and job definition rows on this node for
 * {@code danvan.performance.definition-cache} (PT5S) instead of reading them in every command.
 * What a row carries that can change after its deployment is small: a suspension state, a history
 * time to live, a job priority. A change through this node counts at once; one made on another node
 * of a cluster counts here within the time to live (until then this node may still start an
 * instance of a definition suspended there, or create a job active that a suspended job definition
 * would have created suspended). {@code PT0S}: the engine's own managers, a read in every command.
 *
 * <p>Internal API: the engine's managers are chosen by its session factories, set only on
 * {@code ProcessEngineConfigurationImpl} from an engine plugin.
 */
@Component
class DefinitionRowsPlugin extends AbstractProcessEnginePlugin {

  private final boolean enabled;
  private final KeptBriefly<ProcessDefinitionRow> processRows;
  private final KeptBriefly<JobDefinitionRow> jobRows;

  DefinitionRowsPlugin(@Value("${danvan.performance.definition-cache:PT5S}") Duration timeToLive) {
    this.enabled = !timeToLive.isNegative() && !timeToLive.isZero();
    this.processRows = new KeptBriefly<>(timeToLive, System::nanoTime);
    this.jobRows = new KeptBriefly<>(timeToLive, System::nanoTime);
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    if (!enabled) {
      return;
    }
    var processDefinitions = new KeptDefinitions<>(ProcessDefinitionEntity.class, processRows, ProcessDefinitionRow::of,
        ProcessDefinitionRow::toEntity);
    var jobDefinitions = new KeptDefinitions<>(JobDefinitionEntity.class, jobRows, JobDefinitionRow::of,
        JobDefinitionRow::toEntity);
    EngineManagers.install(configuration, ProcessDefinitionManager.class,
        () -> new CachingProcessDefinitionManager(processDefinitions));
    EngineManagers.install(configuration, JobDefinitionManager.class, () -> new CachingJobDefinitionManager(jobDefinitions));
  }

  /** A deployment or deletion on this node (after its commit): whatever it changed counts at once. */
  @EventListener
  void deploymentsChanged(DeploymentsChanged change) {
    processRows.written();
    jobRows.written();
  }
}
