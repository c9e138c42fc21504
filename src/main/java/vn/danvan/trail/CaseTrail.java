package vn.danvan.trail;

import java.sql.Timestamp;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import vn.danvan.config.TransactionInserts;

/**
 * The case trail of every process ({@code dv_case_event}). An entry is written in the caller's
 * transaction — inside a process step that is the engine's — so a step and its trail entry commit or
 * roll back together; there is no trail entry for a step that did not happen. When the caller gives
 * no step, the BPMN activity being executed (if any) is recorded. Entries are appended with the
 * transaction's other appended rows when it commits ({@link TransactionInserts}); a read of the
 * trail writes them first.
 */
@Service
public class CaseTrail {

  static final int MAX_DETAILS = 4000;

  private final JdbcTemplate jdbc;
  private final TransactionInserts inserts;

  CaseTrail(JdbcTemplate jdbc, TransactionInserts inserts) {
    this.jdbc = jdbc;
    this.inserts = inserts;
  }

  @Transactional(propagation = Propagation.MANDATORY)
  public void record(CaseEvent event) {
    String step = event.step() != null ? event.step() : CurrentStep.activityId();
    String details = event.details();
    if (details != null && details.length() > MAX_DETAILS) {
      details = details.substring(0, MAX_DETAILS);
    }
    inserts.insert("INSERT INTO dv_case_event (case_key, process_key, unit, event_type, actor, occurred_at, step,"
        + " rule_version, details) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", event.caseKey(), event.processKey(),
        event.unit(), event.type(), event.actor(), Timestamp.from(event.occurredAt()), step, event.ruleVersion(),
        details);
  }

  /** The case's trail in time order (same moment: order of recording). */
  public List<CaseEvent> events(String caseKey) {
    inserts.flush();
    return jdbc.query("SELECT * FROM dv_case_event WHERE case_key = ? ORDER BY occurred_at, id",
        (rs, i) -> new CaseEvent(rs.getString("case_key"), rs.getString("process_key"), rs.getString("unit"),
            rs.getString("event_type"), rs.getString("actor"), rs.getTimestamp("occurred_at").toInstant(),
            rs.getString("step"), rs.getString("rule_version"), rs.getString("details")), caseKey);
  }
}
