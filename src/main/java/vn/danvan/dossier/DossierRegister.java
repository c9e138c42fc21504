package vn.danvan.dossier;

import vn.danvan.sla.EngineClock;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;
import vn.danvan.config.DatabaseProduct;
import vn.danvan.config.TransactionReads;
import vn.danvan.calendar.VietnamTime;
import vn.danvan.calendar.WorkCalendar;
import vn.danvan.document.DocumentNumbering;
import vn.danvan.identity.UnitOfficials;

/**
 * The one-stop counter's dossier register ({@code dv_dossier}; its trail is the case trail). Every
 * write joins the caller's transaction, which inside a process step is the engine's: a step and its
 * register entry commit or roll back together.
 *
 * <p>Within one transaction a dossier's row is read once ({@link TransactionReads}): a reception
 * read it five times. Every write goes through this class, forgets it first and keeps the row the
 * database answers with: the write itself returns the row ({@code RETURNING *} on PostgreSQL,
 * {@code FINAL TABLE} on H2), so that a write costs no read afterwards.
 */
@Repository
class DossierRegister {

  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyMMdd");

  private static final Logger LOG = LoggerFactory.getLogger(DossierRegister.class);

  private final JdbcTemplate jdbc;
  private final DocumentNumbering numbering;
  private final UnitOfficials units;
  private final TransactionReads<Dossier> read;
  private final DatabaseProduct database;

  DossierRegister(JdbcTemplate jdbc, DocumentNumbering numbering, UnitOfficials units,
      @Value(TransactionReads.SETTING) boolean transactionReads) {
    this.read = new TransactionReads<>(transactionReads, Dossier::code);
    this.jdbc = jdbc;
    this.database = new DatabaseProduct(jdbc);
    this.numbering = numbering;
    this.units = units;
  }

  /**
   * A new dossier code as Circular 01/2018/TT-VPCP Art. 19 lays it out: the unit's agency code, the
   * day of receipt and the day's sequence number, e.g. {@code 000.00.31.H48-261122-0001}, unique
   * under concurrency (a gapless per-unit, per-day register). A unit recorded without an agency code
   * still receives dossiers, its code starting with its upper-cased tenant id
   * ({@code DONGHA-261122-0001}, the layout before agency codes) — the citizen is not turned away
   * for a missing setting — and the log says so until an administrator records the code.
   */
  @Transactional
  String newCode(String unit, Instant receivedAt) {
    String day = WorkCalendar.dateOf(receivedAt).format(DAY);
    int sequence = numbering.next(unit, "HS" + day, receivedAt.atZone(VietnamTime.ZONE).getYear());
    String agency = units.agencyCode(unit).orElse(null);
    if (agency == null) {
      LOG.warn("Unit {} has no agency code (PUT /api/units/{}): its dossier codes start with the unit id", unit, unit);
      agency = unit.toUpperCase(Locale.ROOT).replace("-", "");
    }
    return agency + "-" + day + "-" + String.format("%04d", sequence);
  }

  @Transactional
  void insert(Dossier d) {
    read.forget(d.code());
    Instant now = EngineClock.now();
    written("INSERT INTO dv_dossier (code, unit, procedure_code, channel, process_instance_id, phone_last4, state,"
        + " received_at, appointment_moved, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, FALSE, ?, ?)",
        d.code(), d.unit(), d.procedureCode(), d.channel(), d.processInstanceId(), d.phoneLast4(), d.state().name(),
        ts(d.receivedAt()), ts(now), ts(now));
  }

  Optional<Dossier> find(String code) {
    return read.get(code, () -> jdbc.query("SELECT * FROM dv_dossier WHERE code = ?", this::map, code));
  }

  Optional<Dossier> findByProcessInstance(String processInstanceId) {
    return read.find(d -> processInstanceId.equals(d.processInstanceId()),
        () -> jdbc.query("SELECT * FROM dv_dossier WHERE process_instance_id = ?", this::map, processInstanceId));
  }

  void state(String code, DossierState state) {
    update(code, "state = ?", state.name());
  }

  /** A receipt (clock started or restarted): the appointment it states, and the dossier is in progress. */
  void receiptIssued(String code, Instant appointmentAt) {
    update(code, "appointment_at = ?, first_appointment_at = COALESCE(first_appointment_at, ?), state = ?",
        ts(appointmentAt), ts(appointmentAt), DossierState.IN_PROGRESS.name());
  }

  /** An apology moved the appointment. */
  void appointmentMoved(String code, Instant appointmentAt) {
    update(code, "appointment_at = ?, appointment_moved = TRUE", ts(appointmentAt));
  }

  void resultReady(String code, Instant at) {
    update(code, "result_ready_at = ?, state = ?", ts(at), DossierState.RESULT_READY.name());
  }

  void returned(String code, Instant at, Outcome outcome, Integer satisfaction) {
    update(code, "returned_at = ?, outcome = ?, satisfaction = ?, state = ?", ts(at), outcome.name(), satisfaction,
        DossierState.RETURNED.name());
  }

  /**
   * Stores the citizen's rating unless one is stored already.
   *
   * @return whether this rating was stored (false: the dossier had been rated before)
   */
  boolean citizenRating(String code, int rating, Instant at) {
    read.forget(code);
    return written("UPDATE dv_dossier SET citizen_rating = ?, citizen_rated_at = ?, updated_at = ?"
        + " WHERE code = ? AND citizen_rating IS NULL", rating, ts(at), ts(EngineClock.now()), code) == 1;
  }

  private void update(String code, String assignments, Object... values) {
    read.forget(code);
    Object[] args = new Object[values.length + 2];
    System.arraycopy(values, 0, args, 0, values.length);
    args[values.length] = ts(EngineClock.now());
    args[values.length + 1] = code;
    int updated = written("UPDATE dv_dossier SET " + assignments + ", updated_at = ? WHERE code = ?", args);
    if (updated != 1) {
      throw new IllegalStateException("No dossier " + code);
    }
  }

  /** Runs {@code write} (an insert or update of one row), keeps the row it wrote for this transaction, and returns the rows written. */
  private int written(String write, Object... args) {
    return read.written(jdbc.query(database.returning(write), this::map, args));
  }

  private Dossier map(ResultSet rs, int row) throws SQLException {
    String outcome = rs.getString("outcome");
    Integer satisfaction = rs.getObject("satisfaction", Integer.class);
    return new Dossier(rs.getString("code"), rs.getString("unit"), rs.getString("procedure_code"),
        rs.getString("channel"), rs.getString("process_instance_id"), rs.getString("phone_last4"),
        DossierState.valueOf(rs.getString("state")), instant(rs, "received_at"), instant(rs, "appointment_at"),
        instant(rs, "first_appointment_at"), rs.getBoolean("appointment_moved"), instant(rs, "result_ready_at"),
        instant(rs, "returned_at"), outcome == null ? null : Outcome.valueOf(outcome), satisfaction,
        rs.getObject("citizen_rating", Integer.class), instant(rs, "citizen_rated_at"));
  }

  private static Instant instant(ResultSet rs, String column) throws SQLException {
    Timestamp value = rs.getTimestamp(column);
    return value == null ? null : value.toInstant();
  }

  private static Timestamp ts(Instant instant) {
    return instant == null ? null : Timestamp.from(instant);
  }
}
