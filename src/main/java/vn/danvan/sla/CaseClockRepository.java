package vn.danvan.sla;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import vn.danvan.config.DatabaseProduct;
import vn.danvan.config.TransactionInserts;
import vn.danvan.config.TransactionReads;

/**
 * The case clocks ({@code dv_case_clock}) and their changes ({@code dv_case_clock_change}). Writes join
 * the caller's transaction. A change reads the row with {@link #lock} (a row lock: concurrent
 * changes of one case queue) and writes it with {@link #update}, which also checks the version it read.
 * A plain {@link #find} is read once per transaction ({@link TransactionReads}): a reception asked
 * three times; a lock makes it read again, and an insert or an update keeps the row the database
 * answers the write with ({@link DatabaseProduct#returning}). A change is appended with the
 * transaction's other appended rows at its commit ({@link TransactionInserts}).
 */
@Repository
class CaseClockRepository {

  private final JdbcTemplate jdbc;
  private final TransactionInserts inserts;
  private final DatabaseProduct database;
  private final TransactionReads<CaseClockState> read;

  CaseClockRepository(JdbcTemplate jdbc, TransactionInserts inserts,
      @Value(TransactionReads.SETTING) boolean transactionReads) {
    this.jdbc = jdbc;
    this.inserts = inserts;
    this.database = new DatabaseProduct(jdbc);
    this.read = new TransactionReads<>(transactionReads, clock -> clock.ref().caseKey());
  }

  /** @throws ConcurrentClockChangeException if the case has a clock already */
  void insert(CaseClockState clock, Instant at, String actor) {
    read.forget(clock.ref().caseKey());
    ClockRule rule = clock.rule();
    try {
      written("INSERT INTO dv_case_clock (case_key, process_key, unit, rule_version, term_amount, term_unit,"
          + " resume_mode, max_extensions, state, started_at, deadline_at, paused_at, remaining, extensions_used,"
          + " version, updated_at, updated_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?, ?)",
          clock.ref().caseKey(), clock.ref().processKey(), clock.ref().unit(), rule.version(), rule.term().amount(),
          rule.term().unit().name(), rule.resumeMode().name(), rule.maxExtensions(), clock.state().name(),
          ts(clock.startedAt()), ts(clock.deadlineAt()), ts(clock.pausedAt()), clock.remaining(),
          clock.extensionsUsed(), ts(at), actor);
    } catch (DuplicateKeyException e) {
      throw new ConcurrentClockChangeException(clock.ref().caseKey());
    }
  }

  /** Runs {@code write} (an insert or update of one clock) and keeps the row it wrote for this transaction. */
  private int written(String write, Object... args) {
    return read.written(jdbc.query(database.returning(write), CaseClockRepository::map, args));
  }

  Optional<CaseClockState> find(String caseKey) {
    return read.get(caseKey, () -> jdbc.query("SELECT * FROM dv_case_clock WHERE case_key = ?", CaseClockRepository::map,
        caseKey));
  }

  /** The clock, its row locked until the end of the caller's transaction. */
  Optional<CaseClockState> lock(String caseKey) {
    read.forget(caseKey);
    return jdbc.query("SELECT * FROM dv_case_clock WHERE case_key = ? FOR UPDATE", CaseClockRepository::map, caseKey)
        .stream().findFirst();
  }

  /**
   * Writes the clock's new state if the row still has the version {@code clock} was read with.
   *
   * @throws ConcurrentClockChangeException if it has changed since
   */
  void update(CaseClockState clock, Instant at, String actor) {
    read.forget(clock.ref().caseKey());
    int updated = written("UPDATE dv_case_clock SET state = ?, started_at = ?, deadline_at = ?, paused_at = ?,"
        + " remaining = ?, extensions_used = ?, version = version + 1, updated_at = ?, updated_by = ?"
        + " WHERE case_key = ? AND version = ?", clock.state().name(), ts(clock.startedAt()), ts(clock.deadlineAt()),
        ts(clock.pausedAt()), clock.remaining(), clock.extensionsUsed(), ts(at), actor, clock.ref().caseKey(),
        clock.version());
    if (updated != 1) {
      throw new ConcurrentClockChangeException(clock.ref().caseKey());
    }
  }

  void record(ClockChange change) {
    inserts.insert("INSERT INTO dv_case_clock_change (case_key, process_key, change_type, actor, occurred_at,"
        + " rule_version, reason, decision_ref, deadline_before, deadline_after, extensions_used)"
        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", change.caseKey(), change.processKey(), change.type(),
        change.actor(), ts(change.occurredAt()), change.ruleVersion(), truncate(change.reason(), 1000),
        truncate(change.decisionRef(), 255), ts(change.deadlineBefore()), ts(change.deadlineAfter()),
        change.extensionsUsed());
  }

  List<ClockChange> changes(String caseKey) {
    inserts.flush();
    return jdbc.query("SELECT * FROM dv_case_clock_change WHERE case_key = ? ORDER BY occurred_at, id",
        (rs, i) -> new ClockChange(rs.getString("case_key"), rs.getString("process_key"), rs.getString("change_type"),
            rs.getString("actor"), instant(rs, "occurred_at"), rs.getString("rule_version"), rs.getString("reason"),
            rs.getString("decision_ref"), instant(rs, "deadline_before"), instant(rs, "deadline_after"),
            rs.getInt("extensions_used")), caseKey);
  }

  private static CaseClockState map(ResultSet rs, int row) throws SQLException {
    ClockRule rule = new ClockRule(rs.getString("rule_version"),
        new Term(rs.getInt("term_amount"), TermUnit.valueOf(rs.getString("term_unit"))),
        ResumeMode.valueOf(rs.getString("resume_mode")), rs.getInt("max_extensions"));
    return new CaseClockState(new CaseRef(rs.getString("case_key"), rs.getString("process_key"), rs.getString("unit")),
        rule, ClockState.valueOf(rs.getString("state")), instant(rs, "started_at"), instant(rs, "deadline_at"),
        instant(rs, "paused_at"), rs.getObject("remaining", Long.class), rs.getInt("extensions_used"),
        rs.getLong("version"));
  }

  private static String truncate(String text, int max) {
    return text == null || text.length() <= max ? text : text.substring(0, max);
  }

  private static Instant instant(ResultSet rs, String column) throws SQLException {
    Timestamp value = rs.getTimestamp(column);
    return value == null ? null : value.toInstant();
  }

  private static Timestamp ts(Instant instant) {
    return instant == null ? null : Timestamp.from(instant);
  }
}
