package vn.danvan.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;
import vn.danvan.support.PostgresIntegrationTest;
import vn.danvan.trail.CaseEvent;
import vn.danvan.trail.CaseTrail;

/**
 * Appended rows on PostgreSQL: written when their transaction commits, rows of several tables in
 * one statement, read back by the transaction itself, gone with a rollback, and a bad row fails
 * the commit with nothing of the others written.
 */
@PostgresIntegrationTest
class TransactionInsertsIT {

  private static final String CASE = "PROBE-INSERTS-0001";
  private static final String EVENT = "INSERT INTO dv_case_event (case_key, process_key, unit, event_type, actor,"
      + " occurred_at, step, rule_version, details) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)";
  private static final String ACTOR = "INSERT INTO dv_task_actor (process_instance_id, task_definition_key, task_id,"
      + " user_id, acted_at) VALUES (?, ?, ?, ?, ?)";

  @Autowired DataSource dataSource;
  @Autowired JdbcTemplate jdbc;
  @Autowired PlatformTransactionManager transactions;
  @Autowired CaseTrail trail;

  /** The statements the inserts sent, on the application's data source (so they join its transactions). */
  private final List<String> sent = new ArrayList<>();

  @AfterEach
  void removeProbes() {
    jdbc.update("DELETE FROM dv_case_event WHERE case_key = ?", CASE);
    jdbc.update("DELETE FROM dv_task_actor WHERE process_instance_id = ?", CASE);
  }

  private TransactionInserts inserts(boolean enabled) {
    JdbcTemplate recording = new JdbcTemplate(dataSource) {
      @Override
      public int update(String sql, Object... args) {
        sent.add(sql);
        return super.update(sql, args);
      }

      @Override
      public int[] batchUpdate(String sql, List<Object[]> batchArgs) {
        sent.add(sql);
        return super.batchUpdate(sql, batchArgs);
      }
    };
    return new TransactionInserts(recording, enabled);
  }

  private static Object[] event(String type) {
    return new Object[] {CASE, "probe", "dongha", type, "probe-user", Timestamp.from(Instant.now()), null, null, "chi tiết"};
  }

  private static Object[] actor(String task) {
    return new Object[] {CASE, "probeTask", task, "probe-user", Timestamp.from(Instant.now())};
  }

  private int events() {
    return jdbc.queryForObject("SELECT COUNT(*) FROM dv_case_event WHERE case_key = ?", Integer.class, CASE);
  }

  private int actors() {
    return jdbc.queryForObject("SELECT COUNT(*) FROM dv_task_actor WHERE process_instance_id = ?", Integer.class, CASE);
  }

  @Test
  void rowsOfSeveralTablesAreWrittenAtTheCommitAsOneStatement() {
    TransactionInserts inserts = inserts(true);
    new TransactionTemplate(transactions).executeWithoutResult(status -> {
      inserts.insert(EVENT, event("ONE"));
      inserts.insert(ACTOR, actor("t1"));
      inserts.insert(EVENT, event("TWO"));
      inserts.insert(ACTOR, actor("t2"));
      assertThat(sent).as("nothing sent before the commit").isEmpty();
    });
    assertThat(sent).hasSize(1);
    assertThat(sent.get(0)).startsWith("WITH w1 AS (INSERT INTO dv_case_event");
    assertThat(events()).isEqualTo(2);
    assertThat(actors()).isEqualTo(2);
    assertThat(jdbc.queryForList("SELECT event_type FROM dv_case_event WHERE case_key = ? ORDER BY id", String.class,
        CASE)).as("in the order appended").containsExactly("ONE", "TWO");
  }

  @Test
  void aTransactionReadsItsOwnAppendedRows() {
    new TransactionTemplate(transactions).executeWithoutResult(status -> {
      trail.record(new CaseEvent(CASE, "probe", "dongha", "RECEIVED", "probe-user", Instant.now(), "probeStep", null,
          "Kênh nộp: Trực tuyến"));
      assertThat(trail.events(CASE)).extracting(CaseEvent::type).containsExactly("RECEIVED");
    });
    assertThat(events()).isEqualTo(1);
  }

  @Test
  void aRollbackWritesNothing() {
    TransactionInserts inserts = inserts(true);
    new TransactionTemplate(transactions).executeWithoutResult(status -> {
      inserts.insert(EVENT, event("ONE"));
      inserts.insert(ACTOR, actor("t1"));
      status.setRollbackOnly();
    });
    assertThat(sent).isEmpty();
    assertThat(events()).isZero();
    assertThat(actors()).isZero();
  }

  @Test
  void aRowTheDatabaseRefusesFailsTheCommitAndNothingIsWritten() {
    TransactionInserts inserts = inserts(true);
    Object[] noType = event(null);
    assertThatThrownBy(() -> new TransactionTemplate(transactions).executeWithoutResult(status -> {
      jdbc.update(ACTOR, actor("written-at-once"));
      inserts.insert(EVENT, event("ONE"));
      inserts.insert(ACTOR, actor("t1"));
      inserts.insert(EVENT, noType);
    })).isInstanceOf(DataIntegrityViolationException.class);
    assertThat(events()).isZero();
    assertThat(actors()).as("the transaction's other writes are undone too").isZero();
  }

  @Test
  void outsideATransactionWhileCommittingOrSwitchedOffARowIsWrittenAtOnce() {
    inserts(true).insert(EVENT, event("OUTSIDE"));
    assertThat(sent).hasSize(1);
    assertThat(events()).isEqualTo(1);

    TransactionInserts inserts = inserts(true);
    new TransactionTemplate(transactions).executeWithoutResult(status -> {
      inserts.insert(EVENT, event("BEFORE"));
      TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
        @Override
        public void beforeCommit(boolean readOnly) {
          inserts.insert(ACTOR, actor("late"));
        }
      });
    });
    assertThat(actors()).as("appended by another synchronization during the commit").isEqualTo(1);
    assertThat(events()).isEqualTo(2);

    sent.clear();
    TransactionInserts off = inserts(false);
    new TransactionTemplate(transactions).executeWithoutResult(status -> {
      off.insert(EVENT, event("OFF"));
      assertThat(sent).as("switched off: sent at once").hasSize(1);
    });
    assertThat(events()).isEqualTo(3);
  }

  @Test
  void onlyPlainInsertsAreAccepted() {
    assertThatThrownBy(() -> inserts(true).insert("UPDATE dv_case_event SET actor = ? WHERE case_key = ?", "x", CASE))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
