package vn.danvan.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import vn.danvan.support.PostgresIntegrationTest;

/**
 * The look-ups the application makes for every dossier or request find their rows through an index
 * on PostgreSQL, whatever the table's size. The test tables are small, where the planner rightly
 * prefers reading the table; with sequential scans switched off it still reads the table when no
 * index fits, so a plan with "Seq Scan" here is a full scan of a province's register in production.
 * The statements are the application's own, with values in place of their parameters.
 */
@PostgresIntegrationTest
class LookupIndexIT {

  @Autowired JdbcTemplate jdbc;
  @Autowired PlatformTransactionManager transactions;

  @ParameterizedTest
  @ValueSource(strings = {
      "SELECT * FROM dv_dossier WHERE code = 'x'",
      "SELECT * FROM dv_dossier WHERE process_instance_id = 'x'",
      "SELECT * FROM dv_case_clock WHERE case_key = 'x' FOR UPDATE",
      "SELECT * FROM dv_case_clock_change WHERE case_key = 'x' ORDER BY occurred_at, id",
      "SELECT * FROM dv_case_event WHERE case_key = 'x' ORDER BY occurred_at, id",
      "SELECT case_key FROM dv_case_event WHERE process_key = 'x' AND event_type = 'x' AND actor = 'x'"
          + " AND occurred_at >= now() AND unit IN ('x') ORDER BY occurred_at DESC, id DESC LIMIT 50",
      "SELECT * FROM dv_document WHERE case_ref = 'x' ORDER BY created_at, id",
      "SELECT user_id FROM dv_task_actor WHERE process_instance_id = 'x'",
      "SELECT * FROM dv_notification WHERE state = 'PENDING' AND next_attempt_at <= now()",
      "SELECT user_id, position, title FROM dv_unit_official WHERE unit_code = 'x' ORDER BY position, user_id",
      "SELECT seen_at FROM dv_login_known_client WHERE user_key = 'x' AND address = 'x'"})
  void aLookUpUsesAnIndex(String statement) {
    // SET LOCAL ends with the transaction: the pooled connection goes back with its usual setting
    List<String> plan = new TransactionTemplate(transactions).execute(status -> {
      jdbc.execute("SET LOCAL enable_seqscan = off");
      return jdbc.queryForList("EXPLAIN " + statement, String.class);
    });
    assertThat(String.join("\n", plan)).as(statement).contains("Index").doesNotContain("Seq Scan");
  }
}
