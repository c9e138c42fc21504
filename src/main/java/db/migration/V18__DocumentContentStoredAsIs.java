package db.migration;

import java.sql.Statement;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;
import vn.danvan.config.DatabaseProduct;

/**
 * A document's PDF is stored as it is, without PostgreSQL's TOAST compression. The PDFs are
 * already compressed (their streams are Flate-encoded): PostgreSQL tried to compress each one
 * (about 107 KB per dossier, 1 % of the machine's CPU in the lifecycle benchmark) and kept it
 * uncompressed every time, because it saved less than the quarter it asks for. {@code EXTERNAL}
 * keeps the content out of line as before and skips the attempt; rows already stored stay as they
 * are. PostgreSQL only: H2 has no such setting, and Java because Flyway's SQL migrations here are
 * portable SQL.
 */
public class V18__DocumentContentStoredAsIs extends BaseJavaMigration {

  @Override
  public void migrate(Context context) throws Exception {
    if (!DatabaseProduct.isPostgres(context.getConnection())) {
      return;
    }
    try (Statement statement = context.getConnection().createStatement()) {
      statement.execute("ALTER TABLE dv_document ALTER COLUMN content SET STORAGE EXTERNAL");
    }
  }
}
