package vn.danvan.dossier;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import vn.danvan.config.TransactionInserts;

/**
 * The dossiers an officer received at the counter lately, newest first: the ones whose trail's
 * {@code RECEIVED} entry names the officer as actor, in the officer's units. The read behind the
 * Tasklist panel "Hồ sơ vừa tiếp nhận".
 */
@Repository
class CounterReceipts {

  static final int MAX_ROWS = 10;

  private final JdbcTemplate jdbc;
  private final TransactionInserts inserts;

  CounterReceipts(JdbcTemplate jdbc, TransactionInserts inserts) {
    this.jdbc = jdbc;
    this.inserts = inserts;
  }

  /** Codes of the dossiers {@code officer} received in {@code units} since {@code since}. */
  List<String> receivedBy(String officer, Collection<String> units, Instant since) {
    if (officer == null || units.isEmpty()) {
      return List.of();
    }
    List<Object> args = new ArrayList<>();
    args.add(DossierProcess.KEY);
    args.add(DossierEventType.RECEIVED.name());
    args.add(officer);
    args.add(Timestamp.from(since));
    args.addAll(units);
    // the trail's entries this transaction appended count too
    inserts.flush();
    String in = String.join(", ", Collections.nCopies(units.size(), "?"));
    return jdbc.queryForList("SELECT case_key FROM dv_case_event WHERE process_key = ? AND event_type = ? AND actor = ?"
        + " AND occurred_at >= ? AND unit IN (" + in + ") ORDER BY occurred_at DESC, id DESC LIMIT " + MAX_ROWS,
        String.class, args.toArray());
  }
}
