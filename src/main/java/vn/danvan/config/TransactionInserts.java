package vn.danvan.config;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;

/**
 * Rows the application only appends within a case step — trail entries, queued messages, clock
 * changes, who did a task — written together when the step's transaction commits, not one round
 * trip each. A reception appends six such rows to four tables; on PostgreSQL they go as one
 * statement (one {@code INSERT} per table joined in a {@code WITH}), on H2 as one batch per table.
 *
 * <p>Nothing changes in what is written or when it becomes visible to others: the rows are written
 * inside the transaction, before its commit, and roll back with it. A statement that fails (a
 * value too long, a constraint) fails the commit, so the whole step is undone. What the
 * transaction itself reads of these tables must go through {@link #flush} first: every read method
 * of a repository that appends here calls it, so a transaction reads its own rows as before.
 * Outside a transaction, or once it is committing, a row is written at once.
 *
 * <p>Only plain {@code INSERT INTO table (columns) VALUES (…)} statements are accepted.
 * {@code danvan.performance.transaction-inserts=false}: every row written at once (the stock path).
 */
@Component
public class TransactionInserts {

  private static final Pattern INSERT = Pattern.compile(
      "INSERT INTO (\\w+) \\(([^)]+)\\) VALUES \\((.+)\\)", Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
  /** PostgreSQL takes at most 65,535 parameters in one statement; beyond this, one batch per table. */
  private static final int MAX_PARAMETERS = 30_000;

  /** The switch of this and of {@link TransactionWrites} (off in the benchmark's stock run). */
  public static final String SETTING = "${danvan.performance.transaction-inserts:true}";

  private final JdbcTemplate jdbc;
  private final boolean enabled;
  private final DatabaseProduct database;

  public TransactionInserts(JdbcTemplate jdbc, @Value(SETTING) boolean enabled) {
    this.jdbc = jdbc;
    this.database = new DatabaseProduct(jdbc);
    this.enabled = enabled;
  }

  /** Appends a row with {@code insert} ({@code INSERT INTO t (c1, c2) VALUES (?, ?)}) in this transaction. */
  public void insert(String insert, Object... values) {
    if (!INSERT.matcher(insert).matches()) {
      throw new IllegalArgumentException("Not a plain insert: " + insert);
    }
    Pending pending = pending(true);
    if (pending == null) {
      jdbc.update(insert, values);
    } else {
      pending.rows.computeIfAbsent(insert, k -> new ArrayList<>()).add(values.clone());
    }
  }

  /** Writes the rows this transaction appended so far: called before each read of such a table. */
  public void flush() {
    Pending pending = pending(false);
    if (pending != null) {
      pending.write();
    }
  }

  private Pending pending(boolean create) {
    if (!enabled) {
      return null;
    }
    Pending pending = TransactionBound.find(Pending.class, p -> p.owner == this, create ? () -> new Pending(this) : null);
    return pending == null || pending.committing ? null : pending;
  }

  private void write(Map<String, List<Object[]>> rows) {
    if (rows.isEmpty()) {
      return;
    }
    if (rows.size() > 1 && database.isPostgres() && parameters(rows) <= MAX_PARAMETERS) {
      writeAsOneStatement(rows);
    } else {
      rows.forEach((insert, values) -> {
        if (values.size() == 1) {
          jdbc.update(insert, values.get(0));
        } else {
          jdbc.batchUpdate(insert, values);
        }
      });
    }
  }

  /**
   * {@code WITH w1 AS (INSERT …), w2 AS (INSERT …) INSERT …}: PostgreSQL runs every part of it,
   * in the order written, as one statement. The parts cannot see each other's rows, which appended
   * rows never need.
   */
  private void writeAsOneStatement(Map<String, List<Object[]>> rows) {
    StringBuilder sql = new StringBuilder("WITH ");
    List<Object> values = new ArrayList<>();
    int part = 0;
    for (Map.Entry<String, List<Object[]>> table : rows.entrySet()) {
      Matcher insert = INSERT.matcher(table.getKey());
      insert.matches();
      StringBuilder statement = new StringBuilder("INSERT INTO ").append(insert.group(1)).append(" (")
          .append(insert.group(2)).append(") VALUES ");
      for (int row = 0; row < table.getValue().size(); row++) {
        statement.append(row == 0 ? "(" : ", (").append(insert.group(3)).append(')');
        values.addAll(Arrays.asList(table.getValue().get(row)));
      }
      if (++part < rows.size()) {
        sql.append(part == 1 ? "" : ", ").append('w').append(part).append(" AS (").append(statement).append(')');
      } else {
        sql.append(' ').append(statement);
      }
    }
    jdbc.update(sql.toString(), values.toArray());
  }

  private static int parameters(Map<String, List<Object[]>> rows) {
    return rows.values().stream().flatMap(List::stream).mapToInt(row -> row.length).sum();
  }

  /** The rows one transaction appended and has not written yet, in the order of their first insert per table. */
  private static final class Pending implements TransactionSynchronization {
    final TransactionInserts owner;
    final Map<String, List<Object[]>> rows = new LinkedHashMap<>();
    boolean committing;

    Pending(TransactionInserts owner) {
      this.owner = owner;
    }

    void write() {
      Map<String, List<Object[]>> due = new LinkedHashMap<>(rows);
      rows.clear();
      owner.write(due);
    }

    @Override
    public void beforeCommit(boolean readOnly) {
      write();
      // what another synchronization appends while the transaction commits is written at once
      committing = true;
    }

    @Override
    public int getOrder() {
      // before other work at commit, so that what runs then sees these rows
      return HIGHEST_PRECEDENCE;
    }
  }
}
