package vn.danvan.document;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import javax.sql.DataSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;
import vn.danvan.config.DatabaseProduct;

/**
 * Hands out the numbers of every register of a unit, per year: 1, 2, 3, … with no duplicate and no
 * gap. Document registers ({@code QĐ}, {@code GTN}, …) and the one-stop counter's dossier register
 * ({@code HS<yymmdd>}, the day's sequence of dossier codes) all use it.
 *
 * <p>The counter row ({@code dv_document_counter}) is locked only for its increment: a mint, in a
 * transaction of its own on its own connections ({@link NumberingPool}), increments it and records
 * the new number as a free slot ({@code dv_number_slot}), then commits. The caller's transaction
 * claims the lowest free slot that no other transaction holds ({@code FOR UPDATE SKIP LOCKED}) and
 * deletes it. Concurrent callers of one register never wait for each other's transactions (a
 * dossier start renders its receipt while holding its numbers). If the caller's transaction rolls
 * back, or its node dies and the database drops its connection, the delete is undone and the
 * number is free again: the next caller takes it (so a number given back is reissued after higher
 * ones). Each caller mints one slot and claims one, so a free slot can always be found: there are
 * as many free slots as callers in flight plus the numbers given back.
 *
 * <p>A number given back by the last caller of a register's period (a day's dossier register, a
 * year's document register) is not reissued: the period ends with an unused number, which is a
 * gap only if a higher number was used (its slot stays in {@code dv_number_slot}).
 *
 * <p>{@code danvan.performance.short-numbering-lock=false} (only to measure the stock path)
 * increments the counter in the caller's transaction instead, whose row lock then queues every
 * other caller of the register until that transaction ends.
 *
 * <p>A missing counter row is inserted under a savepoint: when two transactions insert it at once,
 * the loser's duplicate key is rolled back to the savepoint (the transaction stays usable, on
 * PostgreSQL too) and it increments the winner's row.
 *
 * <p>On PostgreSQL each half is one statement, one round trip: the mint increments the counter and
 * records the slot in one statement that commits by itself, and the claim deletes the lowest free
 * slot that no other transaction holds and returns it ({@code DELETE … RETURNING} over a
 * {@code FOR UPDATE SKIP LOCKED} subquery, which locks only the row it returns there). Elsewhere (H2,
 * the demo's database) the same steps run as portable statements, a few round trips each.
 */
@Component
public class DocumentNumbering {

  private static final String KEY = " WHERE unit = ? AND register_code = ? AND counter_year = ?";

  /** Rounds of mint-and-claim before giving up; one is enough unless slots disappear under it. */
  private static final int CLAIM_ATTEMPTS = 5;

  private final JdbcTemplate jdbc;
  private final TransactionTemplate callerSavepoint;
  private final boolean shortLock;
  private final JdbcTemplate mintJdbc;
  private final DataSource mintDataSource;
  private final TransactionTemplate mint;
  private final TransactionTemplate mintSavepoint;
  /** Whether the database is PostgreSQL (one statement per half); asked on first use. */
  private final DatabaseProduct database;

  @Autowired
  DocumentNumbering(JdbcTemplate jdbc, PlatformTransactionManager transactions, NumberingPool pool,
      @Value("${danvan.performance.short-numbering-lock:true}") boolean shortLock) {
    this.jdbc = jdbc;
    this.database = new DatabaseProduct(jdbc);
    this.callerSavepoint = nested(transactions);
    this.shortLock = shortLock;
    DataSourceTransactionManager mints = new DataSourceTransactionManager(pool.dataSource());
    this.mintJdbc = new JdbcTemplate(pool.dataSource());
    this.mintDataSource = pool.dataSource();
    this.mint = new TransactionTemplate(mints);
    // its own transaction, whatever the caller's thread has bound
    this.mint.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    this.mintSavepoint = nested(mints);
  }

  /** The next number of the register; only valid if the caller's transaction commits. */
  @Transactional(propagation = Propagation.MANDATORY)
  public int next(String unit, String register, int year) {
    if (!shortLock) {
      increment(jdbc, callerSavepoint, unit, register, year);
      return jdbc.queryForObject("SELECT last_number FROM dv_document_counter" + KEY, Integer.class,
          unit, register, year);
    }
    if (database.isPostgres()) {
      return nextOnPostgres(unit, register, year);
    }
    for (int attempt = 0; attempt < CLAIM_ATTEMPTS; attempt++) {
      mint.executeWithoutResult(status -> {
        increment(mintJdbc, mintSavepoint, unit, register, year);
        mintJdbc.update("INSERT INTO dv_number_slot (unit, register_code, counter_year, slot_number)"
            + " SELECT unit, register_code, counter_year, last_number FROM dv_document_counter" + KEY,
            unit, register, year);
      });
      // Free slots are read without a lock, then claimed one at a time by key: a locking scan
      // (ORDER BY … FETCH FIRST 1 … FOR UPDATE SKIP LOCKED) would, on H2, lock every row it reads
      // until the caller's transaction ends, so that concurrent callers found none and minted more
      Integer number = null;
      List<Integer> candidates = jdbc.queryForList("SELECT slot_number FROM dv_number_slot" + KEY
          + " ORDER BY slot_number FETCH FIRST 32 ROWS ONLY", Integer.class, unit, register, year);
      for (int i = 0; i < candidates.size() && number == null; i++) {
        number = claim(unit, register, year, candidates.get(i));
      }
      if (number != null) {
        // locked by this transaction until it ends: a rollback puts the slot back
        jdbc.update("DELETE FROM dv_number_slot" + KEY + " AND slot_number = ?", unit, register, year, number);
        return number;
      }
      // every free slot among the lowest 32, the one just minted included, was claimed by others
      // meanwhile: mint again
    }
    throw new IllegalStateException("No free number in register " + register + " of " + unit + " in " + year);
  }

  /** {@link #next} on PostgreSQL: a mint and a claim of one statement each. */
  private int nextOnPostgres(String unit, String register, int year) {
    for (int attempt = 0; attempt < CLAIM_ATTEMPTS; attempt++) {
      // a connection of the mints' pool taken and given back around the one statement: through
      // DataSourceUtils it would stay bound to the caller's transaction until that ends, and the
      // pool's two connections would queue every other caller behind whole transactions
      try (Connection connection = mintDataSource.getConnection()) {
        mintCommitted(connection, unit, register, year);
      } catch (SQLException e) {
        throw new IllegalStateException("Minting a number of register " + register + " failed", e);
      }
      // the lowest free slot that no other transaction holds, chosen once (a scalar subquery runs
      // once) and deleted by this transaction, which holds it until it ends: a rollback puts it back
      List<Integer> claimed = jdbc.queryForList("DELETE FROM dv_number_slot" + KEY + " AND slot_number = (SELECT"
          + " slot_number FROM dv_number_slot" + KEY + " ORDER BY slot_number FETCH FIRST 1 ROWS ONLY FOR UPDATE"
          + " SKIP LOCKED) RETURNING slot_number", Integer.class, unit, register, year, unit, register, year);
      if (claimed.size() > 1) {
        // never expected; the caller's transaction must not commit having taken two numbers for one
        throw new IllegalStateException("Register " + register + " claimed " + claimed.size() + " slots at once");
      }
      if (!claimed.isEmpty()) {
        return claimed.get(0);
      }
      // every free slot, the one just minted included, was claimed by others meanwhile: mint again
    }
    throw new IllegalStateException("No free number in register " + register + " of " + unit + " in " + year);
  }

  /**
   * Increments the register's counter and records the new number as a free slot, in one statement
   * committed on its own (the counter's row lock lasts that statement), on a mint connection.
   */
  private static void mintCommitted(Connection connection, String unit, String register, int year)
      throws SQLException {
    boolean autoCommit = connection.getAutoCommit();
    if (!autoCommit) {
      connection.setAutoCommit(true);
    }
    try {
      for (int attempt = 0; attempt < 3; attempt++) {
        if (update(connection, "WITH minted AS (UPDATE dv_document_counter SET last_number = last_number + 1" + KEY
            + " RETURNING unit, register_code, counter_year, last_number) INSERT INTO dv_number_slot (unit,"
            + " register_code, counter_year, slot_number) SELECT unit, register_code, counter_year, last_number"
            + " FROM minted", unit, register, year) == 1) {
          return;
        }
        // the register's first number: its counter row, unless another mint inserts it first
        update(connection, "INSERT INTO dv_document_counter (unit, register_code, counter_year, last_number)"
            + " VALUES (?, ?, ?, 0) ON CONFLICT DO NOTHING", unit, register, year);
      }
      throw new IllegalStateException("No counter row for register " + register + " of " + unit + " in " + year);
    } finally {
      if (!autoCommit) {
        connection.setAutoCommit(false);
      }
    }
  }

  private static int update(Connection connection, String sql, String unit, String register, int year)
      throws SQLException {
    try (PreparedStatement statement = connection.prepareStatement(sql)) {
      statement.setString(1, unit);
      statement.setString(2, register);
      statement.setInt(3, year);
      return statement.executeUpdate();
    }
  }

  /** The free slot {@code number} of the register, locked by the caller's transaction; null if gone or held by another. */
  private Integer claim(String unit, String register, int year, int number) {
    List<Integer> free = jdbc.queryForList("SELECT slot_number FROM dv_number_slot" + KEY
        + " AND slot_number = ? FOR UPDATE SKIP LOCKED", Integer.class, unit, register, year, number);
    return free.isEmpty() ? null : free.get(0);
  }

  /**
   * Increments the register's counter in the transaction {@code jdbc} runs in, whose row lock is
   * held until that transaction ends.
   */
  private static void increment(JdbcTemplate jdbc, TransactionTemplate savepoint, String unit, String register,
      int year) {
    for (int attempt = 0; attempt < 3; attempt++) {
      if (jdbc.update("UPDATE dv_document_counter SET last_number = last_number + 1" + KEY, unit, register, year) == 1) {
        return;
      }
      insertCounter(jdbc, savepoint, unit, register, year);
    }
    throw new IllegalStateException("No counter row for register " + register + " of " + unit + " in " + year);
  }

  private static void insertCounter(JdbcTemplate jdbc, TransactionTemplate savepoint, String unit, String register,
      int year) {
    try {
      savepoint.executeWithoutResult(status -> jdbc.update(
          "INSERT INTO dv_document_counter (unit, register_code, counter_year, last_number) VALUES (?, ?, ?, 0)",
          unit, register, year));
    } catch (DuplicateKeyException concurrentlyInserted) {
      // Another transaction created the row first; the next UPDATE waits for it and increments it.
    }
  }

  private static TransactionTemplate nested(PlatformTransactionManager transactions) {
    TransactionTemplate savepoint = new TransactionTemplate(transactions);
    savepoint.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
    return savepoint;
  }
}
