package vn.danvan.config;

import java.sql.Connection;
import java.sql.SQLException;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Which database a data source is, asked once: a few statements have a PostgreSQL form (one round
 * trip where H2 needs two, or a lock H2 does not know) and a portable one for the embedded H2.
 */
public final class DatabaseProduct {

  private final JdbcTemplate jdbc;
  private volatile Boolean postgres;

  public DatabaseProduct(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  public boolean isPostgres() {
    Boolean known = postgres;
    if (known == null) {
      known = jdbc.execute((ConnectionCallback<Boolean>) DatabaseProduct::isPostgres);
      postgres = known;
    }
    return known;
  }

  /** Whether the connection is to PostgreSQL: for code that has a connection and no data source of its own. */
  public static boolean isPostgres(Connection connection) throws SQLException {
    return "PostgreSQL".equals(connection.getMetaData().getDatabaseProductName());
  }

  /**
   * {@code write}, an {@code INSERT} or {@code UPDATE}, as a query that answers with the rows it
   * wrote as the database now holds them: one round trip where a write and a read took two.
   */
  public String returning(String write) {
    return isPostgres() ? write + " RETURNING *" : "SELECT * FROM FINAL TABLE (" + write + ")";
  }
}
