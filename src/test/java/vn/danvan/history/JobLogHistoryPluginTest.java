package vn.danvan.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.StandaloneInMemProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.persistence.entity.JobDefinitionEntity;
import org.junit.jupiter.api.Test;

/** Which job definition configurations {@link JobLogHistoryPlugin} knows are no batch id. */
class JobLogHistoryPluginTest {

  private static JobDefinitionEntity definition(String type, String configuration) {
    JobDefinitionEntity definition = new JobDefinitionEntity();
    definition.setJobType(type);
    definition.setJobConfiguration(configuration);
    return definition;
  }

  private static final Set<String> BATCH_TYPES = Set.of("instance-migration", "set-removal-time");

  @Test
  void timersAndAsynchronousStepsAreNoBatches() {
    List<JobDefinitionEntity> known = List.of(definition("timer-transition", "DURATION: PT1H"),
        definition("async-continuation", "async-before"));
    assertThat(JobLogHistoryPlugin.notABatch("DURATION: PT1H", known, BATCH_TYPES)).isTrue();
    assertThat(JobLogHistoryPlugin.notABatch("async-before", known, BATCH_TYPES)).isTrue();
  }

  @Test
  void aBatchsJobsAreLookedUp() {
    List<JobDefinitionEntity> known = List.of(definition("batch-seed-job", "b-1"), definition("batch-monitor-job", "b-2"),
        definition("instance-migration", "b-3"), definition(null, "b-4"));
    for (String id : List.of("b-1", "b-2", "b-3", "b-4")) {
      assertThat(JobLogHistoryPlugin.notABatch(id, known, BATCH_TYPES)).as(id).isFalse();
    }
  }

  @Test
  void anUnknownConfigurationIsLookedUp() {
    assertThat(JobLogHistoryPlugin.notABatch("b-9", List.of(definition("timer-transition", "DURATION: PT1H")),
        BATCH_TYPES)).isFalse();
  }

  @Test
  void theSwitchIsCheckedAndAlwaysLeavesCamundasProducer() {
    ProcessEngineConfigurationImpl stock = new StandaloneInMemProcessEngineConfiguration();
    new JobLogHistoryPlugin("always").preInit(stock);
    assertThat(stock.getHistoryEventProducer()).isNull();
    ProcessEngineConfigurationImpl ours = new StandaloneInMemProcessEngineConfiguration();
    new JobLogHistoryPlugin(" batches-only ").preInit(ours);
    assertThat(ours.getHistoryEventProducer()).isInstanceOf(JobLogHistoryPlugin.Producer.class);
    assertThatThrownBy(() -> new JobLogHistoryPlugin("sometimes")).hasMessageContaining("job-log-batch-lookup");
  }
}
