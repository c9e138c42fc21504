package vn.danvan.definition;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.SuspendedEntityInteractionException;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.management.JobDefinition;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.danvan.support.PostgresIntegrationTest;

/**
 * The engine with its definition rows kept on the node ({@link DefinitionRowsPlugin}, PT5S), on
 * PostgreSQL, through the public API: a change through the engine counts in the very next command
 * (a process definition suspended and activated, its history time to live changed twice, a job
 * definition suspended, its priority overridden twice), while a change written behind the engine's
 * back, as by another node of a cluster, is not read until the time to live has run out.
 */
@PostgresIntegrationTest
class DefinitionRowsIT {

  private static final String PROCESS = "definitionRowsProbe";

  @Autowired ProcessEngine engine;
  @Autowired RepositoryService repository;
  @Autowired RuntimeService runtime;
  @Autowired ManagementService management;
  @Autowired JdbcTemplate jdbc;

  private ProcessDefinition definition;
  private JobDefinition timer;

  @BeforeAll
  static void deploy(@Autowired RepositoryService repository) {
    BpmnModelInstance model = Bpmn.createExecutableProcess(PROCESS).name("Thử định nghĩa").camundaHistoryTimeToLive(1)
        .startEvent().name("Bắt đầu")
        .intermediateCatchEvent("Timer_Wait").name("Chờ một giờ").timerWithDuration("PT1H")
        .endEvent().name("Kết thúc").done();
    repository.createDeployment().name("definition-rows-test").addModelInstance(PROCESS + ".bpmn", model).deploy();
  }

  @BeforeEach
  void find() {
    definition = repository.createProcessDefinitionQuery().processDefinitionKey(PROCESS).latestVersion().singleResult();
    timer = management.createJobDefinitionQuery().processDefinitionId(definition.getId()).singleResult();
  }

  @AfterEach
  void restore() {
    jdbc.update("UPDATE ACT_RU_JOBDEF SET JOB_PRIORITY_ = NULL WHERE ID_ = ?", timer.getId());
    // through the engine, so that this node forgets what it kept
    repository.activateProcessDefinitionById(definition.getId());
    management.activateJobDefinitionById(timer.getId());
    runtime.createProcessInstanceQuery().processDefinitionKey(PROCESS).list()
        .forEach(i -> runtime.deleteProcessInstance(i.getId(), "test"));
  }

  private ProcessInstance start() {
    return runtime.startProcessInstanceById(definition.getId(), Map.of("unitCode", "dongha"));
  }

  private Job timerOf(ProcessInstance instance) {
    return management.createJobQuery().processInstanceId(instance.getId()).singleResult();
  }

  private boolean startsActive() {
    try {
      return !timerOf(start()).isSuspended();
    } catch (SuspendedEntityInteractionException e) {
      return false;
    }
  }

  @Test
  void theEngineUsesTheKeepingManagers() {
    var configuration = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
    configuration.getCommandExecutorTxRequired().execute(context -> {
      assertThat(context.getProcessDefinitionManager()).isInstanceOf(CachingProcessDefinitionManager.class);
      assertThat(context.getJobDefinitionManager()).isInstanceOf(CachingJobDefinitionManager.class);
      return null;
    });
  }

  @Test
  void aProcessDefinitionSuspendedThroughTheEngineCountsAtOnce() {
    start(); // the row is kept

    repository.suspendProcessDefinitionById(definition.getId());
    assertThatThrownBy(this::start).isInstanceOf(SuspendedEntityInteractionException.class);

    repository.activateProcessDefinitionById(definition.getId());
    assertThat(start().isSuspended()).isFalse();
  }

  @Test
  void aTimeToLiveChangedThroughTheEngineCountsAtOnceAndCanBeChangedAgain() {
    start();

    repository.updateProcessDefinitionHistoryTimeToLive(definition.getId(), 3651);
    assertThat(repository.getProcessDefinition(definition.getId()).getHistoryTimeToLive()).isEqualTo(3651);
    // a kept row of the old revision would make this update fail on optimistic locking
    repository.updateProcessDefinitionHistoryTimeToLive(definition.getId(), 3652);
    assertThat(repository.getProcessDefinition(definition.getId()).getHistoryTimeToLive()).isEqualTo(3652);
    assertThat(jdbc.queryForObject("SELECT HISTORY_TTL_ FROM ACT_RE_PROCDEF WHERE ID_ = ?", Integer.class,
        definition.getId())).isEqualTo(3652);
    repository.updateProcessDefinitionHistoryTimeToLive(definition.getId(), 1);
  }

  @Test
  void aJobDefinitionSuspendedThroughTheEngineSuspendsTheNextJobAtOnce() {
    assertThat(timerOf(start()).isSuspended()).isFalse(); // the job definition's row is kept

    management.suspendJobDefinitionById(timer.getId());
    assertThat(timerOf(start()).isSuspended()).isTrue();

    management.activateJobDefinitionById(timer.getId());
    assertThat(timerOf(start()).isSuspended()).isFalse();
  }

  @Test
  void aJobPriorityOverriddenThroughTheEngineCountsAtOnceAndCanBeOverriddenAgain() {
    start();

    management.setOverridingJobPriorityForJobDefinition(timer.getId(), 42);
    assertThat(timerOf(start()).getPriority()).isEqualTo(42);
    management.setOverridingJobPriorityForJobDefinition(timer.getId(), 43);
    assertThat(timerOf(start()).getPriority()).isEqualTo(43);
    management.clearOverridingJobPriorityForJobDefinition(timer.getId());
    assertThat(timerOf(start()).getPriority()).isEqualTo(0);
  }

  @Test
  void aChangeBehindTheEnginesBackIsNotReadUntilTheTimeToLiveRanOut() {
    management.activateJobDefinitionById(timer.getId()); // forgets what this node kept: the next start reads
    long readAt = System.nanoTime();
    assertThat(timerOf(start()).isSuspended()).isFalse();

    // as another node of a cluster would: the row changes in the database, this node is not told
    jdbc.update("UPDATE ACT_RU_JOBDEF SET SUSPENSION_STATE_ = 2, REV_ = REV_ + 1 WHERE ID_ = ?", timer.getId());
    boolean suspendedAtOnce = timerOf(start()).isSuspended();
    if (System.nanoTime() - readAt < Duration.ofSeconds(4).toNanos()) { // not when the machine stalled
      assertThat(suspendedAtOnce).as("the kept row, not the database's, within the time to live").isFalse();
    }
    awaitUpTo(Duration.ofSeconds(15), () -> timerOf(start()).isSuspended());
    assertThat(System.nanoTime() - readAt).as("read again only once the time to live ran out")
        .isGreaterThanOrEqualTo(Duration.ofSeconds(5).toNanos());

    jdbc.update("UPDATE ACT_RE_PROCDEF SET SUSPENSION_STATE_ = 2, REV_ = REV_ + 1 WHERE ID_ = ?", definition.getId());
    awaitUpTo(Duration.ofSeconds(15), () -> {
      try {
        start();
        return false;
      } catch (SuspendedEntityInteractionException e) {
        return true;
      }
    });
  }

  private static void awaitUpTo(Duration limit, BooleanSupplier condition) {
    long end = System.nanoTime() + limit.toNanos();
    while (!condition.getAsBoolean()) {
      assertThat(System.nanoTime()).as("still not so after %s", limit).isLessThan(end);
      try {
        Thread.sleep(200);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
  }
}
