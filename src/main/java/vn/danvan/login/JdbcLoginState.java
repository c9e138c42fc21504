package vn.danvan.login;

import java.util.List;
import java.util.OptionalLong;
import java.util.function.UnaryOperator;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The login throttle's shared state in the database every node uses ({@code dv_login_failure},
 * {@code dv_login_known_client}, migration V16_1): a failure is read with {@code FOR UPDATE} and
 * written back in one transaction, so that failures on different nodes add up exactly. Portable
 * SQL (PostgreSQL, and H2 for the demo).
 */
final class JdbcLoginState implements SharedLoginState {

  private static final RowMapper<FailureRecord> RECORD = (rs, row) ->
      new FailureRecord(rs.getInt("failures"), rs.getLong("last_failure_at"), rs.getLong("locked_until"));

  private final JdbcTemplate jdbc;
  private final TransactionTemplate transaction;

  JdbcLoginState(JdbcTemplate jdbc, PlatformTransactionManager transactions) {
    this.jdbc = jdbc;
    this.transaction = new TransactionTemplate(transactions);
  }

  @Override
  public FailureRecord recordFailure(Kind kind, String key, long now, UnaryOperator<FailureRecord> next) {
    for (int round = 0; ; round++) {
      FailureRecord written = transaction.execute(status -> {
        List<FailureRecord> stored = jdbc.query("SELECT failures, last_failure_at, locked_until FROM dv_login_failure"
            + " WHERE key_kind = ? AND key_value = ? FOR UPDATE", RECORD, kind.name(), key);
        if (stored.isEmpty()) {
          return null;
        }
        FailureRecord record = next.apply(stored.get(0));
        jdbc.update("UPDATE dv_login_failure SET failures = ?, last_failure_at = ?, locked_until = ?, changed_at = ?"
            + " WHERE key_kind = ? AND key_value = ?", record.failures(), record.lastFailureAt(), record.lockedUntil(),
            now, kind.name(), key);
        return record;
      });
      if (written != null) {
        return written;
      }
      if (round > 0) {
        throw new IllegalStateException("dv_login_failure: the row of a key vanished twice while counting a failure");
      }
      // The key's first failure: an empty row to lock, outside the transaction (on PostgreSQL a
      // duplicate key would end the transaction); another node inserting it first is just as good.
      try {
        jdbc.update("INSERT INTO dv_login_failure (key_kind, key_value, failures, last_failure_at, locked_until, changed_at)"
            + " VALUES (?, ?, 0, 0, 0, ?)", kind.name(), key, now);
      } catch (DuplicateKeyException insertedByAnotherNode) {
        // counted on the row that node inserted
      }
    }
  }

  @Override
  public void forget(Kind kind, String key, long now) {
    jdbc.update("UPDATE dv_login_failure SET failures = 0, locked_until = 0, changed_at = ?"
        + " WHERE key_kind = ? AND key_value = ? AND locked_until <= ?", now, kind.name(), key, now);
  }

  @Override
  public List<Entry> changedSince(long since) {
    return jdbc.query("SELECT key_kind, key_value, failures, last_failure_at, locked_until FROM dv_login_failure"
        + " WHERE changed_at >= ?", (rs, row) -> new Entry(Kind.valueOf(rs.getString("key_kind")),
            rs.getString("key_value"), RECORD.mapRow(rs, row)), since);
  }

  @Override
  public OptionalLong knownSince(String user, String address) {
    List<Long> seen = jdbc.queryForList("SELECT seen_at FROM dv_login_known_client WHERE user_key = ? AND address = ?",
        Long.class, user, address);
    return seen.isEmpty() ? OptionalLong.empty() : OptionalLong.of(seen.get(0));
  }

  @Override
  public void rememberClient(String user, String address, long now) {
    if (jdbc.update("UPDATE dv_login_known_client SET seen_at = ? WHERE user_key = ? AND address = ?",
        now, user, address) == 0) {
      try {
        jdbc.update("INSERT INTO dv_login_known_client (user_key, address, seen_at) VALUES (?, ?, ?)", user, address, now);
      } catch (DuplicateKeyException rememberedByAnotherNode) {
        // the same success seen twice: either row is right
      }
    }
  }

  @Override
  public void purge(long failuresBefore, long clientsBefore) {
    jdbc.update("DELETE FROM dv_login_failure WHERE changed_at < ?", failuresBefore);
    jdbc.update("DELETE FROM dv_login_known_client WHERE seen_at < ?", clientsBefore);
  }
}
