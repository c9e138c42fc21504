package vn.danvan.duty;

import java.sql.Timestamp;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Set;
import vn.danvan.sla.EngineClock;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.danvan.config.TransactionInserts;

/**
 * Who did each user task of a case ({@code dv_task_actor}), written in the transaction that
 * completes the task. Kept in the application's table, not in process variables or history, so
 * that no task completion can forge it and a lower history level cannot lose it. Appended with
 * the transaction's other appended rows at its commit ({@link TransactionInserts}).
 */
class TaskActors {

  private final JdbcTemplate jdbc;
  private final TransactionInserts inserts;

  TaskActors(JdbcTemplate jdbc, TransactionInserts inserts) {
    this.jdbc = jdbc;
    this.inserts = inserts;
  }

  void record(String processInstanceId, String taskDefinitionKey, String taskId, Collection<String> users) {
    // the engine's clock (moved by process tests), like every other time the engine writes
    Timestamp now = Timestamp.from(EngineClock.now());
    for (String user : users) {
      inserts.insert("INSERT INTO dv_task_actor (process_instance_id, task_definition_key, task_id, user_id, acted_at)"
          + " VALUES (?, ?, ?, ?, ?)", processInstanceId, taskDefinitionKey, taskId, user, now);
    }
  }

  /** Everyone who did one of {@code taskDefinitionKeys} in this process instance. */
  Set<String> of(String processInstanceId, Collection<String> taskDefinitionKeys) {
    inserts.flush();
    Set<String> users = new LinkedHashSet<>();
    for (String key : taskDefinitionKeys) {
      users.addAll(jdbc.queryForList("SELECT user_id FROM dv_task_actor WHERE process_instance_id = ?"
          + " AND task_definition_key = ?", String.class, processInstanceId, key));
    }
    return users;
  }
}
