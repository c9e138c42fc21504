package vn.danvan.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Timestamp;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.history.event.HistoricTaskInstanceEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoryEventTypes;
import org.camunda.bpm.engine.impl.history.handler.CompositeDbHistoryEventHandler;
import org.camunda.bpm.engine.impl.history.handler.DbHistoryEventHandler;
import org.camunda.bpm.engine.impl.history.handler.HistoryEventHandler;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.danvan.support.PostgresIntegrationTest;
import vn.danvan.support.ProcedureSamples;

/**
 * The engine's history writer on PostgreSQL ({@link HistoryUpdatePlugin}): an update of a task's row
 * that does not end it is written without reading the row's start time, which Camunda's writer
 * reads; an end still reads it; and a task's and its activity's history come out as before: start,
 * end, duration, assignee.
 */
@PostgresIntegrationTest
class HistoryUpdateIT {

  @Autowired ProcessEngine engine;
  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired JdbcTemplate jdbc;

  private ProcessEngineConfigurationImpl configuration() {
    return (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
  }

  private Task appraisal() {
    Map<String, Object> variables = new HashMap<>(Map.of("unitCode", "dongha", "procedureCode", "CERTIFIED_COPY",
        "applicantName", "Trần Thị Bình", "idNumber", "045299001122", "phone", "0912004321", "channel", "COUNTER",
        "checkResult", "COMPLETE", "receivingOfficer", "dongha.officer"));
    variables.putAll(ProcedureSamples.fields("CERTIFIED_COPY"));
    String instance = runtime.startProcessInstanceByKey("dossierApproval", variables).getId();
    return tasks.createTaskQuery().processInstanceId(instance).taskDefinitionKey("Task_AppraiseDossier").singleResult();
  }

  @Test
  void theEngineWritesHistoryWithIt() {
    assertThat(configuration().getHistoryEventHandler()).isNotInstanceOf(CompositeDbHistoryEventHandler.class);
  }

  @Test
  void anUpdateBeforeTheEndIsWrittenWithoutReadingTheStartTimeWhichCamundaReads() {
    Task task = appraisal();
    HistoricTaskInstanceEventEntity ours = update(task.getId(), null);
    HistoricTaskInstanceEventEntity camundas = update(task.getId(), null);

    handleAndRollBack(new HistoryUpdatePlugin.Handler(), ours);
    handleAndRollBack(new DbHistoryEventHandler(), camundas);

    assertThat(ours.getStartTime()).as("danvan's writer does not ask").isNull();
    assertThat(camundas.getStartTime()).as("Camunda's writer asks").isNotNull();
    assertThat(camundas.getStartTime().getTime()).as("and finds the row's start").isEqualTo(startTime(task.getId()));
  }

  @Test
  void anEndReadsTheStartTimeAsCamundaDoes() {
    Task task = appraisal();
    HistoricTaskInstanceEventEntity end = update(task.getId(), new java.util.Date());
    handleAndRollBack(new HistoryUpdatePlugin.Handler(), end);
    assertThat(end.getStartTime()).isNotNull();
    assertThat(end.getStartTime().getTime()).isEqualTo(startTime(task.getId()));
  }

  @Test
  void aClaimedAndCompletedTaskKeepsItsStartEndDurationAndAssignee() {
    Task task = appraisal();
    tasks.claim(task.getId(), "dongha.specialist");
    Map<String, Object> row = jdbc.queryForMap("SELECT ASSIGNEE_, START_TIME_, END_TIME_ FROM ACT_HI_TASKINST WHERE ID_ = ?",
        task.getId());
    assertThat(row.get("ASSIGNEE_")).isEqualTo("dongha.specialist");
    assertThat(row.get("START_TIME_")).isNotNull();
    assertThat(row.get("END_TIME_")).isNull();
    assertThat(jdbc.queryForObject("SELECT ASSIGNEE_ FROM ACT_HI_ACTINST WHERE TASK_ID_ = ?", String.class, task.getId()))
        .isEqualTo("dongha.specialist");

    tasks.complete(task.getId(), Map.of("appraisalResult", "PROPOSE_APPROVE", "appraisalOpinion", "Hồ sơ hợp lệ"));

    for (String table : new String[] {"ACT_HI_TASKINST WHERE ID_ = ?", "ACT_HI_ACTINST WHERE TASK_ID_ = ?"}) {
      Map<String, Object> ended = jdbc.queryForMap("SELECT ASSIGNEE_, START_TIME_, END_TIME_, DURATION_ FROM " + table,
          task.getId());
      long start = ((Timestamp) ended.get("START_TIME_")).getTime();
      long end = ((Timestamp) ended.get("END_TIME_")).getTime();
      assertThat(ended.get("ASSIGNEE_")).as(table).isEqualTo("dongha.specialist");
      assertThat(((Number) ended.get("DURATION_")).longValue()).as(table).isEqualTo(end - start);
      assertThat(end).as(table).isGreaterThanOrEqualTo(start);
    }
  }

  private static HistoricTaskInstanceEventEntity update(String taskId, java.util.Date end) {
    HistoricTaskInstanceEventEntity event = new HistoricTaskInstanceEventEntity();
    event.setId(taskId);
    event.setTaskId(taskId);
    event.setEventType(end == null ? HistoryEventTypes.TASK_INSTANCE_UPDATE.getEventName()
        : HistoryEventTypes.TASK_INSTANCE_COMPLETE.getEventName());
    event.setEndTime(end);
    return event;
  }

  /** Hands the event to the writer in a command that is then rolled back: the row stays as it was. */
  private void handleAndRollBack(HistoryEventHandler handler, HistoricTaskInstanceEventEntity event) {
    assertThatThrownBy(() -> configuration().getCommandExecutorTxRequired().execute(context -> {
      handler.handleEvent(event);
      throw new RolledBack();
    })).isInstanceOf(RolledBack.class);
  }

  private long startTime(String taskId) {
    return jdbc.queryForObject("SELECT START_TIME_ FROM ACT_HI_TASKINST WHERE ID_ = ?", Timestamp.class, taskId).getTime();
  }

  private static final class RolledBack extends RuntimeException {}
}
