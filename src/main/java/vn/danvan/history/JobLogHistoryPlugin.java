package vn.danvan.history;

import java.util.Collection;
import java.util.Set;
import org.camunda.bpm.engine.impl.batch.BatchMonitorJobHandler;
import org.camunda.bpm.engine.impl.batch.BatchSeedJobHandler;
import org.camunda.bpm.engine.impl.batch.history.HistoricBatchEntity;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.history.producer.CacheAwareHistoryEventProducer;
import org.camunda.bpm.engine.impl.persistence.entity.JobDefinitionEntity;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The engine's history event producer without a read that never finds anything. With the "start"
 * removal-time strategy, every job log entry (a deadline timer set, deleted or fired, the signing
 * step run) makes Camunda look up a historic batch under its job definition's configuration, to
 * copy the batch's removal time. Only a batch's own job definitions hold a batch id there; for a
 * timer the configuration is its expression ({@code DURATION: ...}) and for an asynchronous step
 * {@code async-before}, so the lookup is a round trip that finds nothing: 8 per dossier.
 *
 * <p>This producer still asks for a batch's own jobs (seed, monitor and the batch's work jobs, whose
 * type is a batch type) and whenever it cannot tell (the job definition is not in the command's
 * cache), so that a batch's job log keeps its removal time. Every job log entry is still written.
 * {@code danvan.performance.job-log-batch-lookup=always}: Camunda's own producer (the stock run).
 *
 * <p>Internal API: the history event producer is set only on {@code ProcessEngineConfigurationImpl},
 * and the lookup is a protected method of Camunda's producer.
 */
@Component
class JobLogHistoryPlugin extends AbstractProcessEnginePlugin {

  private static final Set<String> BATCH_SERVICE_JOBS = Set.of(BatchSeedJobHandler.TYPE, BatchMonitorJobHandler.TYPE);

  private final boolean onlyForBatches;

  JobLogHistoryPlugin(@Value("${danvan.performance.job-log-batch-lookup:batches-only}") String lookup) {
    this.onlyForBatches = switch (lookup.strip()) {
      case "batches-only" -> true;
      case "always" -> false;
      default -> throw new IllegalArgumentException(
          "danvan.performance.job-log-batch-lookup: batches-only or always, not '" + lookup + "'");
    };
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    if (onlyForBatches && configuration.getHistoryEventProducer() == null) {
      configuration.setHistoryEventProducer(new Producer());
    }
  }

  /** Camunda's default producer, asking for a historic batch only where one can exist. */
  static final class Producer extends CacheAwareHistoryEventProducer {

    @Override
    protected HistoricBatchEntity getHistoricBatchById(String batchId) {
      var known = Context.getCommandContext().getDbEntityManager().getCachedEntitiesByType(JobDefinitionEntity.class);
      if (notABatch(batchId, known, Context.getProcessEngineConfiguration().getBatchHandlers().keySet())) {
        return null;
      }
      return super.getHistoricBatchById(batchId);
    }
  }

  /**
   * Whether {@code configuration} is known not to be a batch id: a job definition of this command
   * holds it and is not one of a batch's (seed, monitor, or a batch handler's type).
   */
  static boolean notABatch(String configuration, Collection<JobDefinitionEntity> known, Set<String> batchJobTypes) {
    for (JobDefinitionEntity definition : known) {
      if (configuration.equals(definition.getJobConfiguration())) {
        String type = definition.getJobType();
        return type != null && !BATCH_SERVICE_JOBS.contains(type) && !batchJobTypes.contains(type);
      }
    }
    return false;
  }
}
