package vn.danvan.document;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * The database connections that mint numbers ({@link DocumentNumbering}): a pool of two of its own,
 * with the application pool's settings.
 *
 * <p>A number is minted in a transaction of its own while the caller's transaction stays open, so
 * the mint needs a second connection. Taken from the application's pool it could deadlock: when
 * every pooled connection belongs to a caller waiting to mint, none is left for the mints. The
 * mints' own pool never waits for the application's, and a mint holds its connection only for the
 * increment. A data source that is not a Hikari pool (a test's unpooled one) is used as it is.
 */
@Component
class NumberingPool implements DisposableBean {

  /** Two: a mint takes a few milliseconds, and a spare one covers a connection being replaced. */
  static final int SIZE = 2;

  private final DataSource dataSource;
  private final HikariDataSource own;

  NumberingPool(DataSource application) {
    HikariDataSource hikari = unwrap(application);
    if (hikari == null) {
      this.own = null;
      this.dataSource = application;
    } else {
      this.own = new HikariDataSource();
      hikari.copyStateTo(own);
      own.setPoolName("danvan-numbering");
      own.setMaximumPoolSize(SIZE);
      own.setMinimumIdle(1);
      // opened on first use, like the application's pool
      this.dataSource = own;
    }
  }

  DataSource dataSource() {
    return dataSource;
  }

  @Override
  public void destroy() {
    if (own != null) {
      own.close();
    }
  }

  private static HikariDataSource unwrap(DataSource dataSource) {
    if (dataSource instanceof HikariDataSource hikari) {
      return hikari;
    }
    try {
      return dataSource.isWrapperFor(HikariDataSource.class) ? dataSource.unwrap(HikariDataSource.class) : null;
    } catch (SQLException e) {
      return null;
    }
  }
}
