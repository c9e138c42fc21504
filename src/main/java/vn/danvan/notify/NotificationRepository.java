package vn.danvan.notify;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;
import vn.danvan.config.TransactionInserts;

/**
 * SQL of the outbox table {@code dv_notification}; portable between PostgreSQL and H2. A queued
 * message is appended with its transaction's other appended rows at the commit
 * ({@link TransactionInserts}); every other statement here writes those first, so that it sees them.
 */
@Repository
class NotificationRepository {

  private static final String COLUMNS = "id, created_at, channel, recipient, kind, subject, body, case_ref, unit,"
      + " state, attempts, next_attempt_at, last_error, sent_at";
  private static final RowMapper<QueuedNotification> ROW = NotificationRepository::row;

  private final JdbcTemplate jdbc;
  private final TransactionInserts inserts;

  NotificationRepository(JdbcTemplate jdbc, TransactionInserts inserts) {
    this.jdbc = jdbc;
    this.inserts = inserts;
  }

  void insert(QueuedNotification n) {
    inserts.insert("INSERT INTO dv_notification (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        n.id(), time(n.createdAt()), n.channel().name(), n.recipient(), n.kind().name(), n.subject(), n.body(),
        n.caseRef(), n.unit(), n.state().name(), n.attempts(), time(n.nextAttemptAt()), n.lastError(), time(n.sentAt()));
  }

  Optional<QueuedNotification> find(String id) {
    inserts.flush();
    return jdbc.query("SELECT " + COLUMNS + " FROM dv_notification WHERE id = ?", ROW, id).stream().findFirst();
  }

  /**
   * Up to {@code limit} PENDING messages due at {@code now}, oldest due first, their rows locked
   * until the transaction ends. Rows another transaction has locked are skipped, not waited for, so
   * dispatchers on several nodes take disjoint batches (PostgreSQL; H2 understands the same clause).
   */
  List<QueuedNotification> lockDue(Instant now, int limit) {
    inserts.flush();
    return jdbc.query("SELECT " + COLUMNS + " FROM dv_notification WHERE state = 'PENDING' AND next_attempt_at <= ?"
        + " ORDER BY next_attempt_at, id FETCH FIRST " + limit + " ROWS ONLY FOR UPDATE SKIP LOCKED", ROW, time(now));
  }

  /**
   * Counts an attempt and hides the message from other dispatchers until {@code leaseUntil}. Only
   * while it is still PENDING and due: false if another dispatcher got there first.
   */
  boolean claim(String id, Instant now, Instant leaseUntil) {
    inserts.flush();
    return jdbc.update("UPDATE dv_notification SET attempts = attempts + 1, next_attempt_at = ?"
        + " WHERE id = ? AND state = 'PENDING' AND next_attempt_at <= ?", time(leaseUntil), id, time(now)) == 1;
  }

  void markSent(String id, Instant sentAt) {
    inserts.flush();
    jdbc.update("UPDATE dv_notification SET state = 'SENT', sent_at = ?, last_error = NULL WHERE id = ? AND state = 'PENDING'",
        time(sentAt), id);
  }

  void retryLater(String id, Instant nextAttemptAt, String error) {
    inserts.flush();
    jdbc.update("UPDATE dv_notification SET next_attempt_at = ?, last_error = ? WHERE id = ? AND state = 'PENDING'",
        time(nextAttemptAt), error, id);
  }

  void markFailed(String id, String error) {
    inserts.flush();
    jdbc.update("UPDATE dv_notification SET state = 'FAILED', last_error = ? WHERE id = ? AND state = 'PENDING'", error, id);
  }

  private static QueuedNotification row(ResultSet rs, int i) throws SQLException {
    return new QueuedNotification(rs.getString("id"), instant(rs, "created_at"), Channel.valueOf(rs.getString("channel")),
        rs.getString("recipient"), NotificationKind.of(rs.getString("kind")), rs.getString("subject"),
        rs.getString("body"), rs.getString("case_ref"), rs.getString("unit"),
        NotificationState.valueOf(rs.getString("state")), rs.getInt("attempts"), instant(rs, "next_attempt_at"),
        rs.getString("last_error"), instant(rs, "sent_at"));
  }

  private static OffsetDateTime time(Instant instant) {
    return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
  }

  private static Instant instant(ResultSet rs, String column) throws SQLException {
    OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
    return value == null ? null : value.toInstant();
  }
}
