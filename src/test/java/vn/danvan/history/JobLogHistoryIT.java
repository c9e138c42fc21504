package vn.danvan.history;

import static org.assertj.core.api.Assertions.assertThat;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.batch.history.HistoricBatchEntity;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.history.producer.CacheAwareHistoryEventProducer;
import org.camunda.bpm.engine.management.JobDefinition;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.danvan.support.PostgresIntegrationTest;

/**
 * The engine's job log producer on PostgreSQL ({@link JobLogHistoryPlugin}): the engine uses it, and
 * it does not look up an asynchronous step's configuration as a batch id. To tell "not asked" from
 * "asked and found nothing", the test records a historic batch under that very id, which Camunda's
 * own producer then finds.
 */
@PostgresIntegrationTest
class JobLogHistoryIT {

  private static final String PROBE_BATCH = "async-before";

  @Autowired ProcessEngine engine;
  @Autowired ManagementService management;
  @Autowired JdbcTemplate jdbc;

  @AfterEach
  void removeProbe() {
    jdbc.update("DELETE FROM ACT_HI_BATCH WHERE ID_ = ?", PROBE_BATCH);
  }

  private ProcessEngineConfigurationImpl configuration() {
    return (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
  }

  @Test
  void theEngineProducesHistoryWithIt() {
    assertThat(configuration().getHistoryEventProducer()).isInstanceOf(JobLogHistoryPlugin.Producer.class);
  }

  @Test
  void theEngineRecordsNoLicenceMetricAndFixesRemovalTimesAtTheStart() {
    assertThat(configuration().isTaskMetricsEnabled()).as("a meter row at every assignment").isFalse();
    assertThat(configuration().getHistoryRemovalTimeStrategy()).isEqualTo("start");
  }

  @Test
  void anAsynchronousStepsConfigurationIsNotLookedUpAsABatch() {
    JobDefinition signing = management.createJobDefinitionQuery().processDefinitionKey("dossierApproval").list().stream()
        .filter(d -> PROBE_BATCH.equals(d.getJobConfiguration())).findFirst().orElseThrow();
    jdbc.update("INSERT INTO ACT_HI_BATCH (ID_, TYPE_, TOTAL_JOBS_, JOBS_PER_SEED_, INVOCATIONS_PER_JOB_, START_TIME_)"
        + " VALUES (?, 'instance-migration', 1, 1, 1, now())", PROBE_BATCH);

    HistoricBatchEntity[] found = configuration().getCommandExecutorTxRequired().execute(context -> {
      context.getJobDefinitionManager().findById(signing.getId()); // as the job log entry of a job does
      return new HistoricBatchEntity[] {new Exposed(new JobLogHistoryPlugin.Producer()).batch(PROBE_BATCH),
          new Exposed(new CacheAwareHistoryEventProducer()).batch(PROBE_BATCH)};
    });

    assertThat(found[0]).as("danvan's producer does not ask").isNull();
    assertThat(found[1]).as("Camunda's producer asks, and finds the recorded batch").isNotNull();
  }

  @Test
  void withoutItsJobDefinitionAtHandItAsksAsCamundaDoes() {
    jdbc.update("INSERT INTO ACT_HI_BATCH (ID_, TYPE_, TOTAL_JOBS_, JOBS_PER_SEED_, INVOCATIONS_PER_JOB_, START_TIME_)"
        + " VALUES (?, 'instance-migration', 1, 1, 1, now())", PROBE_BATCH);
    HistoricBatchEntity found = configuration().getCommandExecutorTxRequired()
        .execute(context -> new Exposed(new JobLogHistoryPlugin.Producer()).batch(PROBE_BATCH));
    assertThat(found).isNotNull();
  }

  /** Calls the producer's protected lookup (this package is not the engine's). */
  private record Exposed(CacheAwareHistoryEventProducer producer) {
    HistoricBatchEntity batch(String id) {
      try {
        var lookup = org.camunda.bpm.engine.impl.history.producer.DefaultHistoryEventProducer.class
            .getDeclaredMethod("getHistoricBatchById", String.class);
        lookup.setAccessible(true);
        return (HistoricBatchEntity) lookup.invoke(producer, id);
      } catch (ReflectiveOperationException e) {
        throw new IllegalStateException(e);
      }
    }
  }
}
