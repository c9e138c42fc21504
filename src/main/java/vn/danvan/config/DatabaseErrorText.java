package vn.danvan.config;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Rewrites the text of a database error so that it keeps what an operator needs (what failed, the
 * SQLState, the database's own reason) and loses what may hold personal data: the SQL statement with
 * its bound values (PostgreSQL's batch message), MyBatis' statement dumps, the engine's flush summary
 * (entities with their variable values) and quoted values in the database's message.
 */
final class DatabaseErrorText {

  /** Where a wrapper's message starts quoting statements, parameters or entities. */
  private static final List<String> CUT_AT = List.of(" with message", "'", "\"", "###", "Cause:", "Batch entry",
      "Flush summary", "(", "[", "\n", "\r");
  private static final Pattern QUOTED = Pattern.compile("\"[^\"]*\"|'[^']*'");
  private static final Pattern KEY_VALUE = Pattern.compile("\\)=\\([^)]*\\)");
  private static final Pattern SERVER_ERROR = Pattern.compile("(?:ERROR|FATAL|FEHLER|ERREUR): ([^\\r\\n]*)");
  private static final Pattern THROWABLE_LINE =
      Pattern.compile("^(\\s*(?:Caused by: |Suppressed: )?)((?:[a-zA-Z_$][\\w$]*\\.)+[\\w$]*(?:Exception|Error|Throwable))(?::\\s?(.*))?$");
  private static final int MAX_REASON = 200;

  private DatabaseErrorText() {}

  /** True if the throwable or one of its causes is a database error. */
  static boolean isDatabaseError(Throwable throwable) {
    return firstSqlException(throwable) != null || chain(throwable).stream().anyMatch(t ->
        t.getClass().getName().startsWith("org.apache.ibatis.") || t.getMessage() != null && looksLikeDatabaseError(t.getMessage()));
  }

  /** True if a text (a log message, a stack trace printed into one) carries a database error. */
  static boolean looksLikeDatabaseError(String text) {
    return text.contains("### Error") || text.contains("Batch entry ") || text.contains("java.sql.")
        || text.contains("org.postgresql.util.PSQLException") || text.contains("org.apache.ibatis.");
  }

  /** "SQLState 22001: value too long for type character varying(255)", from the throwable's chain. */
  static String summary(Throwable throwable) {
    SQLException sql = firstSqlException(throwable);
    if (sql == null) {
      return null;
    }
    String reason = reason(sql.getMessage());
    return "SQLState " + sql.getSQLState() + (reason == null ? "" : ": " + reason);
  }

  /** The database's reason found in a text, without values; null if there is none. */
  static String reason(String text) {
    if (text == null) {
      return null;
    }
    Matcher server = SERVER_ERROR.matcher(text);
    String reason = server.find() ? server.group(1) : text.lines().findFirst().orElse("");
    for (String end : List.of("  Call getNextException", "  Detail:", "  Where:", "  Position:", "  Hint:")) {
      int at = reason.indexOf(end);
      if (at >= 0) {
        reason = reason.substring(0, at);
      }
    }
    if (!server.find(0) && (reason.contains("Batch entry") || reason.contains("###"))) {
      return null;
    }
    reason = KEY_VALUE.matcher(QUOTED.matcher(reason.trim()).replaceAll("\"…\"")).replaceAll(")=(…)");
    return reason.length() > MAX_REASON ? reason.substring(0, MAX_REASON) + "…" : reason;
  }

  /** The message of one throwable of a database error's chain. */
  static String throwableMessage(Throwable throwable, String summary) {
    String message = throwable.getMessage();
    if (message == null) {
      return null;
    }
    if (throwable instanceof SQLException sql) {
      String reason = reason(message);
      return "SQLState " + sql.getSQLState() + (reason == null ? "" : ": " + reason);
    }
    return wrapperMessage(message, summary);
  }

  /** A wrapper's message up to where it starts quoting, with the database's reason appended. */
  static String wrapperMessage(String message, String summary) {
    int cut = message.length();
    for (String marker : CUT_AT) {
      int at = message.indexOf(marker);
      if (at >= 0 && at < cut) {
        cut = at;
      }
    }
    String kept = message.substring(0, cut).trim();
    if (kept.endsWith(":")) {
      kept = kept.substring(0, kept.length() - 1);
    }
    return (kept.isEmpty() ? "Database error" : kept) + " [" + (summary == null ? "database error" : summary)
        + "; statement and values not logged]";
  }

  /**
   * A whole log text (possibly a stack trace printed into the message): stack frames are kept, each
   * exception line keeps its class and a rewritten message, other lines of multi-line messages go.
   */
  static String text(String text, String summary) {
    String reason = summary != null ? summary : reason(text);
    List<String> kept = new ArrayList<>();
    List<String> lines = text.lines().toList();
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i);
      String trimmed = line.stripLeading();
      if (trimmed.startsWith("at ") || trimmed.startsWith("... ") && trimmed.endsWith(" more")) {
        kept.add(line);
        continue;
      }
      Matcher throwableLine = THROWABLE_LINE.matcher(line);
      if (throwableLine.matches()) {
        String rest = throwableLine.group(3);
        kept.add(throwableLine.group(1) + throwableLine.group(2) + (rest == null ? "" : ": " + wrapperMessage(rest, reason)));
      } else if (i == 0) {
        kept.add(wrapperMessage(line, reason));
      }
    }
    return String.join(System.lineSeparator(), kept);
  }

  static List<Throwable> chain(Throwable throwable) {
    List<Throwable> chain = new ArrayList<>();
    Map<Throwable, Boolean> seen = new IdentityHashMap<>();
    for (Throwable t = throwable; t != null && seen.put(t, Boolean.TRUE) == null && chain.size() < 50; t = t.getCause()) {
      chain.add(t);
      if (t instanceof SQLException sql && sql.getNextException() != null && sql.getNextException() != sql.getCause()) {
        chain.add(sql.getNextException());
      }
    }
    return chain;
  }

  private static SQLException firstSqlException(Throwable throwable) {
    for (Throwable t : chain(throwable)) {
      if (t instanceof SQLException sql) {
        return sql;
      }
    }
    return null;
  }
}
