package vn.danvan.document;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Hands out document numbers per unit, register and year: 1, 2, 3, … with no duplicate and no gap.
 *
 * <p>The number comes from a counter row that is incremented inside the caller's transaction (the
 * one that inserts the document). The {@code UPDATE} locks the row until that transaction ends, so
 * concurrent callers wait in turn, and a rolled-back document gives its number back. A missing
 * counter row is inserted under a savepoint: when two transactions insert it at once, the loser's
 * duplicate key is rolled back to the savepoint (the transaction stays usable, on PostgreSQL too)
 * and it increments the winner's row. Portable SQL, for PostgreSQL and H2 alike.
 *
 * <p>Other registers of a unit use it too: the one-stop counter's dossier register numbers the
 * dossiers received per day (register {@code HS<yymmdd>}).
 */
@Component
public class DocumentNumbering {

  private final JdbcTemplate jdbc;
  private final TransactionTemplate savepoint;

  DocumentNumbering(JdbcTemplate jdbc, PlatformTransactionManager transactions) {
    this.jdbc = jdbc;
    this.savepoint = new TransactionTemplate(transactions);
    this.savepoint.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
  }

  /** The next number of the register; only valid if the caller's transaction commits. */
  @Transactional(propagation = Propagation.MANDATORY)
  public int next(String unit, String register, int year) {
    for (int attempt = 0; attempt < 3; attempt++) {
      int updated = jdbc.update("UPDATE dv_document_counter SET last_number = last_number + 1"
          + " WHERE unit = ? AND register_code = ? AND counter_year = ?", unit, register, year);
      if (updated == 1) {
        Integer number = jdbc.queryForObject("SELECT last_number FROM dv_document_counter"
            + " WHERE unit = ? AND register_code = ? AND counter_year = ?", Integer.class, unit, register, year);
        return number;
      }
      insertCounter(unit, register, year);
    }
    throw new IllegalStateException("No counter row for register " + register + " of " + unit + " in " + year);
  }

  private void insertCounter(String unit, String register, int year) {
    try {
      savepoint.executeWithoutResult(status -> jdbc.update(
          "INSERT INTO dv_document_counter (unit, register_code, counter_year, last_number) VALUES (?, ?, ?, 0)",
          unit, register, year));
    } catch (DuplicateKeyException concurrentlyInserted) {
      // Another transaction created the row first; the next UPDATE waits for it and increments it.
    }
  }
}
