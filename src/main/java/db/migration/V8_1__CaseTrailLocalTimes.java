package db.migration;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;
import vn.danvan.calendar.VietnamTime;

/**
 * Follows V8: the dossier trail wrote appointments into its details as UTC ISO instants
 * ("Hẹn trả kết quả: 2026-11-03T10:00:00Z"); people read Vietnamese local time ("17 giờ 00, ngày
 * 3/11/2026"), as the case trail now writes it. Java because converting a UTC instant to Vietnam time
 * has no portable SQL (PostgreSQL and H2). A Flyway migration by Flyway's convention (package
 * {@code db.migration}) so that plain Flyway and the application both run it.
 */
public class V8_1__CaseTrailLocalTimes extends BaseJavaMigration {

  /** Instant.toString(): seconds and fraction optional, always UTC. */
  static final Pattern UTC_INSTANT = Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}(:\\d{2}(\\.\\d+)?)?Z");

  @Override
  public void migrate(Context context) throws Exception {
    Map<Long, String> rewritten = new LinkedHashMap<>();
    try (Statement select = context.getConnection().createStatement();
        ResultSet rs = select.executeQuery("SELECT id, details FROM dv_case_event WHERE details LIKE '%T%Z%'")) {
      while (rs.next()) {
        String details = rs.getString("details");
        String local = localTimes(details);
        if (!local.equals(details)) {
          rewritten.put(rs.getLong("id"), local);
        }
      }
    }
    try (PreparedStatement update = context.getConnection()
        .prepareStatement("UPDATE dv_case_event SET details = ? WHERE id = ?")) {
      for (Map.Entry<Long, String> row : rewritten.entrySet()) {
        update.setString(1, row.getValue());
        update.setLong(2, row.getKey());
        update.addBatch();
      }
      update.executeBatch();
    }
  }

  /** Every UTC ISO instant in the text, written as Vietnamese local time; other text unchanged. */
  static String localTimes(String text) {
    Matcher m = UTC_INSTANT.matcher(text);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      String replacement;
      try {
        replacement = VietnamTime.text(Instant.parse(m.group()));
      } catch (DateTimeParseException e) {
        replacement = m.group();
      }
      m.appendReplacement(out, Matcher.quoteReplacement(replacement));
    }
    m.appendTail(out);
    return out.toString();
  }
}
