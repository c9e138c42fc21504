package vn.danvan.trail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import vn.danvan.support.PostgresTestDatabase;

/**
 * V8 moves the dossier trail into the case trail, on PostgreSQL and on H2 (the demo's database):
 * every old row is copied with its time, actor and order, under process {@code dossierApproval} and
 * the dossier's unit; raw codes in details become Vietnamese and UTC instants Vietnamese local times
 * (V8.1); the old table is gone.
 */
class CaseTrailMigrationIT {

  @Test
  void copiesTheDossierTrailOnPostgresql() {
    PostgresTestDatabase.Database database = PostgresTestDatabase.newDatabase();
    copies(new DriverManagerDataSource(database.url(), database.user(), database.password()));
  }

  @Test
  void copiesTheDossierTrailOnH2() {
    JdbcDataSource h2 = new JdbcDataSource();
    h2.setURL("jdbc:h2:mem:trail-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
    h2.setUser("sa");
    copies(h2);
  }

  private static void copies(DataSource dataSource) {
    flyway(dataSource, "7").migrate();
    JdbcTemplate jdbc = new JdbcTemplate(dataSource);
    Instant t0 = Instant.parse("2026-11-02T01:30:00Z");
    dossier(jdbc, "DONGHA-261102-0001", "dongha");
    dossier(jdbc, "CAMLO-261102-0001", "camlo");
    event(jdbc, "DONGHA-261102-0001", t0, "RECEIVED", "dongha.officer", "Kênh nộp: COUNTER");
    event(jdbc, "DONGHA-261102-0001", t0, "RECEIPT_ISSUED", "dongha.officer", "Hẹn trả kết quả: 2026-11-03T10:00:00Z");
    event(jdbc, "CAMLO-261102-0001", t0.plusSeconds(60), "RECEIVED", "camlo.officer", "Kênh nộp: ONLINE");
    event(jdbc, "DONGHA-261102-0001", t0.plusSeconds(1800), "APOLOGY_ISSUED", "dongha.chairman",
        "Thiếu hồ sơ gốc — hẹn lại: 2026-11-05T09:30:00.123Z");
    event(jdbc, "DONGHA-261102-0001", t0.plusSeconds(3600), "RESULT_READY", null, null);
    event(jdbc, "DONGHA-261102-0001", t0.plusSeconds(7200), "RETURNED", "dongha.officer", "EARLY");
    event(jdbc, "DONGHA-261102-0001", t0.plusSeconds(7200), "RATED", "dongha.officer", "4");

    flyway(dataSource, "latest").migrate();

    List<CaseEvent> dongha = new CaseTrail(jdbc, new vn.danvan.config.TransactionInserts(jdbc, true)).events("DONGHA-261102-0001");
    assertThat(dongha).extracting(CaseEvent::processKey, CaseEvent::unit).containsOnly(tuple("dossierApproval", "dongha"));
    assertThat(dongha).extracting(CaseEvent::type, CaseEvent::actor, CaseEvent::occurredAt, CaseEvent::details)
        .containsExactly(
            tuple("RECEIVED", "dongha.officer", t0, "Kênh nộp: Trực tiếp tại Bộ phận Một cửa"),
            tuple("RECEIPT_ISSUED", "dongha.officer", t0, "Hẹn trả kết quả: 17 giờ 00, ngày 3/11/2026"),
            tuple("APOLOGY_ISSUED", "dongha.chairman", t0.plusSeconds(1800),
                "Thiếu hồ sơ gốc — hẹn lại: 16 giờ 30, ngày 5/11/2026"),
            tuple("RESULT_READY", null, t0.plusSeconds(3600), null),
            tuple("RETURNED", "dongha.officer", t0.plusSeconds(7200), "Trước hạn"),
            tuple("RATED", "dongha.officer", t0.plusSeconds(7200), "4"));
    assertThat(dongha).extracting(CaseEvent::step, CaseEvent::ruleVersion).containsOnly(tuple(null, null));
    assertThat(new CaseTrail(jdbc, new vn.danvan.config.TransactionInserts(jdbc, true)).events("CAMLO-261102-0001")).extracting(CaseEvent::unit, CaseEvent::details)
        .containsExactly(tuple("camlo", "Kênh nộp: Trực tuyến"));
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM dv_case_event", Integer.class)).isEqualTo(7);
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM INFORMATION_SCHEMA.TABLES"
        + " WHERE LOWER(TABLE_NAME) = 'dv_dossier_event'", Integer.class)).isZero();
  }

  private static Flyway flyway(DataSource dataSource, String target) {
    return Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").table("dv_schema_history")
        .target(target).load();
  }

  private static void dossier(JdbcTemplate jdbc, String code, String unit) {
    jdbc.update("INSERT INTO dv_dossier (code, unit, procedure_code, channel, phone_last4, state, received_at,"
        + " appointment_moved, created_at, updated_at) VALUES (?, ?, 'CERTIFIED_COPY', 'COUNTER',"
        + " '4321', 'RETURNED', CURRENT_TIMESTAMP, FALSE, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)", code, unit);
  }

  private static void event(JdbcTemplate jdbc, String code, Instant at, String type, String actor, String detail) {
    jdbc.update("INSERT INTO dv_dossier_event (dossier_code, occurred_at, event_type, actor, detail)"
        + " VALUES (?, ?, ?, ?, ?)", code, Timestamp.from(at), type, actor, detail);
  }
}
