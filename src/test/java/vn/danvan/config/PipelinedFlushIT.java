package vn.danvan.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.BatchUpdateException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.danvan.support.OneTaskProbe;
import vn.danvan.support.PostgresIntegrationTest;

/**
 * The engine's flush in one round trip ({@link PipelinedFlush}), on PostgreSQL: the driver's own
 * batches and the pipelined ones give the same row counts (an update that meets no row answers 0,
 * which is how Camunda sees a concurrent change) in one round trip instead of one per statement; a
 * failing statement surfaces at its own {@code executeBatch} with its own error, after the batches
 * before it were written once; outside a transaction each batch goes on its own; and through the
 * engine, a command whose update meets a row changed behind its back fails with an optimistic
 * locking error and leaves nothing of what it wrote.
 */
@PostgresIntegrationTest
class PipelinedFlushIT {

  private static final String PROCESS = OneTaskProbe.KEY;

  @Autowired DataSource dataSource;
  @Autowired JdbcTemplate jdbc;
  @Autowired ProcessEngine engine;
  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;

  @BeforeAll
  static void deploy(@Autowired RepositoryService repository) {
    OneTaskProbe.deployOnce(repository);
  }

  @BeforeEach
  void table() {
    jdbc.execute("CREATE TABLE IF NOT EXISTS dv_test_flush (id INT PRIMARY KEY, label VARCHAR(20) NOT NULL)");
    jdbc.update("DELETE FROM dv_test_flush");
  }

  @AfterEach
  void clean() {
    jdbc.execute("DROP TABLE IF EXISTS dv_test_flush");
    runtime.createProcessInstanceQuery().processDefinitionKey(PROCESS).list()
        .forEach(i -> runtime.deleteProcessInstance(i.getId(), "test"));
  }

  /** Three batches as the engine's batch executor sends them; their answers, and the round trips that took. */
  private record Flush(List<int[]> answers, int roundTrips) {}

  private Flush flush(boolean pipelined, int existing) throws SQLException {
    try (Connection raw = dataSource.getConnection()) {
      raw.setAutoCommit(false);
      try (Statement seed = raw.createStatement()) {
        seed.execute("INSERT INTO dv_test_flush VALUES (" + existing + ", 'có sẵn')");
      }
      AtomicInteger trips = new AtomicInteger();
      Connection counted = counting(raw, trips);
      Connection connection = pipelined ? PipelinedFlush.wrap(counted) : counted;
      PreparedStatement insert = connection.prepareStatement("INSERT INTO dv_test_flush (id, label) VALUES (?, ?)");
      for (int id = 1; id <= 3; id++) {
        insert.setInt(1, id);
        insert.setString(2, "mới " + id);
        insert.addBatch();
      }
      PreparedStatement update = connection.prepareStatement("UPDATE dv_test_flush SET label = ? WHERE id = ?");
      update.setString(1, "đổi");
      update.setInt(2, 2);
      update.addBatch();
      update.setString(1, "đổi");
      update.setInt(2, 99); // no such row: 0, as after a concurrent deletion
      update.addBatch();
      PreparedStatement delete = connection.prepareStatement("DELETE FROM dv_test_flush WHERE id = ?");
      delete.setInt(1, existing);
      delete.addBatch();
      List<int[]> answers = new ArrayList<>();
      for (PreparedStatement statement : List.of(insert, update, delete)) {
        answers.add(statement.executeBatch());
        statement.close();
      }
      assertThat(jdbcRows(raw)).containsExactly("1 mới 1", "2 đổi", "3 mới 3");
      raw.rollback();
      return new Flush(answers, trips.get());
    }
  }

  @Test
  void sameAnswersInOneRoundTrip() throws SQLException {
    Flush driver = flush(false, 7);
    Flush pipelined = flush(true, 7);

    assertThat(pipelined.answers().get(0)).hasSize(3).containsOnly(Statement.SUCCESS_NO_INFO);
    assertThat(pipelined.answers().get(1)).containsExactly(driver.answers().get(1)).containsExactly(1, 0);
    assertThat(pipelined.answers().get(2)).containsExactly(driver.answers().get(2)).containsExactly(1);
    assertThat(driver.roundTrips()).isEqualTo(3);
    assertThat(pipelined.roundTrips()).isEqualTo(1);
  }

  @Test
  void withoutATransactionTheBatchesGoOneByOne() throws SQLException {
    try (Connection raw = dataSource.getConnection()) {
      raw.setAutoCommit(true);
      AtomicInteger trips = new AtomicInteger();
      Connection connection = PipelinedFlush.wrap(counting(raw, trips));
      PreparedStatement insert = connection.prepareStatement("INSERT INTO dv_test_flush (id, label) VALUES (?, ?)");
      insert.setInt(1, 1);
      insert.setString(2, "một");
      insert.addBatch();
      PreparedStatement update = connection.prepareStatement("UPDATE dv_test_flush SET label = ? WHERE id = ?");
      update.setString(1, "hai");
      update.setInt(2, 1);
      update.addBatch();

      assertThat(insert.executeBatch()).hasSize(1);
      assertThat(update.executeBatch()).containsExactly(1);
      assertThat(trips.get()).as("no savepoint outside a transaction: each batch on its own").isEqualTo(2);
      assertThat(jdbcRows(raw)).containsExactly("1 hai");
    }
  }

  @Test
  void aFailingStatementFailsAtItsOwnBatchAfterTheOnesBeforeIt() throws SQLException {
    try (Connection raw = dataSource.getConnection()) {
      raw.setAutoCommit(false);
      Connection connection = PipelinedFlush.wrap(raw);
      PreparedStatement first = connection.prepareStatement("INSERT INTO dv_test_flush (id, label) VALUES (?, ?)");
      first.setInt(1, 1);
      first.setString(2, "một");
      first.addBatch();
      PreparedStatement second = connection.prepareStatement("UPDATE dv_test_flush SET label = ? WHERE id = ?");
      second.setString(1, null); // NOT NULL: fails
      second.setInt(2, 1);
      second.addBatch();
      PreparedStatement third = connection.prepareStatement("DELETE FROM dv_test_flush WHERE id = ?");
      third.setInt(1, 1);
      third.addBatch();

      assertThat(first.executeBatch()).hasSize(1);
      assertThat(jdbcRows(raw)).as("the first batch is written once, before the failing one").containsExactly("1 một");
      assertThatThrownBy(second::executeBatch).isInstanceOf(BatchUpdateException.class)
          .satisfies(e -> assertThat(((SQLException) e).getSQLState()).isEqualTo("23502"));
      raw.rollback();
    }
  }

  @Test
  void aConcurrentChangeIsAnOptimisticLockingFailureAndNothingIsWritten() {
    ProcessInstance instance = runtime.startProcessInstanceByKey(PROCESS, Map.of("unitCode", "dongha"));
    Task task = tasks.createTaskQuery().processInstanceId(instance.getId()).singleResult();
    var configuration = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();

    Command<Void> renameWhileAnotherNodeChangesIt = context -> {
      TaskEntity entity = context.getTaskManager().findTaskById(task.getId());
      entity.setName("Đổi tên");
      entity.setVariableLocal("ghiChu", "không được ghi");
      // another node changes the task in between, committed on its own connection
      try (Connection other = dataSource.getConnection()) {
        other.setAutoCommit(true);
        try (Statement bump = other.createStatement()) {
          bump.executeUpdate("UPDATE ACT_RU_TASK SET REV_ = REV_ + 1 WHERE ID_ = '" + task.getId() + "'");
        }
      } catch (SQLException e) {
        throw new IllegalStateException(e);
      }
      return null;
    };

    assertThatThrownBy(() -> configuration.getCommandExecutorTxRequiresNew().execute(renameWhileAnotherNodeChangesIt))
        .isInstanceOf(OptimisticLockingException.class);
    assertThat(tasks.createTaskQuery().taskId(task.getId()).singleResult().getName()).isEqualTo("Việc thử");
    assertThat(tasks.getVariableLocal(task.getId(), "ghiChu")).isNull();
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM ACT_HI_VARINST WHERE NAME_ = 'ghiChu'", Integer.class)).isZero();
  }

  @Test
  void aProcessRunsThroughTheEngineWithItsHistory() {
    ProcessInstance instance = runtime.startProcessInstanceByKey(PROCESS, Map.of("unitCode", "dongha", "soHoSo", 3));
    Task task = tasks.createTaskQuery().processInstanceId(instance.getId()).singleResult();
    tasks.claim(task.getId(), "dongha.specialist");
    tasks.complete(task.getId(), Map.of("ketQua", "đạt"));

    assertThat(runtime.createProcessInstanceQuery().processInstanceId(instance.getId()).count()).isZero();
    assertThat(engine.getHistoryService().createHistoricVariableInstanceQuery().processInstanceId(instance.getId())
        .list()).extracting(v -> v.getName() + "=" + v.getValue())
        .containsExactlyInAnyOrder("unitCode=dongha", "soHoSo=3", "ketQua=đạt");
    assertThat(engine.getHistoryService().createHistoricTaskInstanceQuery().processInstanceId(instance.getId())
        .singleResult().getAssignee()).isEqualTo("dongha.specialist");
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM ACT_RU_AUTHORIZATION WHERE RESOURCE_ID_ = ?", Integer.class,
        task.getId())).as("the task's own authorizations are deleted with it").isZero();
  }

  private static List<String> jdbcRows(Connection connection) throws SQLException {
    List<String> rows = new ArrayList<>();
    try (Statement read = connection.createStatement();
        var result = read.executeQuery("SELECT id, label FROM dv_test_flush ORDER BY id")) {
      while (result.next()) {
        rows.add(result.getInt(1) + " " + result.getString(2));
      }
    }
    return rows;
  }

  /** {@code connection}, counting its statements' executions (each one round trip to the server). */
  private static Connection counting(Connection connection, AtomicInteger trips) {
    return (Connection) Proxy.newProxyInstance(PipelinedFlushIT.class.getClassLoader(), new Class<?>[] {Connection.class},
        (proxy, method, args) -> {
          Object result = invoke(connection, method, args);
          if (result instanceof PreparedStatement statement) {
            return Proxy.newProxyInstance(PipelinedFlushIT.class.getClassLoader(), new Class<?>[] {PreparedStatement.class},
                (p, m, a) -> {
                  if (m.getName().startsWith("execute")) {
                    trips.incrementAndGet();
                  }
                  return invoke(statement, m, a);
                });
          }
          return result;
        });
  }

  private static Object invoke(Object target, java.lang.reflect.Method method, Object[] args) throws Throwable {
    try {
      return method.invoke(target, args);
    } catch (InvocationTargetException e) {
      throw e.getCause();
    }
  }
}
