package vn.danvan.dossier;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import vn.danvan.support.PostgresTestDatabase;

/**
 * V5 repairs what the old rating did, on PostgreSQL and on H2 (the demo's database): a citizen's
 * rating had overwritten the officer's satisfaction; after V5 the citizen keeps the first rating
 * given and the officer's entry is back.
 */
class CitizenRatingMigrationIT {

  @Test
  void repairsOverwrittenSatisfactionOnPostgresql() {
    PostgresTestDatabase.Database database = PostgresTestDatabase.newDatabase();
    repairs(new DriverManagerDataSource(database.url(), database.user(), database.password()));
  }

  @Test
  void repairsOverwrittenSatisfactionOnH2() {
    JdbcDataSource h2 = new JdbcDataSource();
    h2.setURL("jdbc:h2:mem:rating-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
    h2.setUser("sa");
    repairs(h2);
  }

  private static void repairs(DataSource dataSource) {
    flyway(dataSource, "3").migrate();
    JdbcTemplate jdbc = new JdbcTemplate(dataSource);
    // officer recorded 4, then the citizen rated 5 and changed it to 1 (old behaviour: last wins)
    insert(jdbc, "DONGHA-260101-0001", 1);
    event(jdbc, "DONGHA-260101-0001", "dongha.officer", "4");
    event(jdbc, "DONGHA-260101-0001", null, "5");
    event(jdbc, "DONGHA-260101-0001", null, "1");
    // no officer entry, the citizen rated 3
    insert(jdbc, "DONGHA-260101-0002", 3);
    event(jdbc, "DONGHA-260101-0002", null, "3");
    // officer recorded 2, never rated by the citizen
    insert(jdbc, "DONGHA-260101-0003", 2);
    event(jdbc, "DONGHA-260101-0003", "dongha.officer", "2");

    flyway(dataSource, "latest").migrate();

    assertThat(row(jdbc, "DONGHA-260101-0001")).containsExactly(4, 5);
    assertThat(row(jdbc, "DONGHA-260101-0002")).containsExactly(null, 3);
    assertThat(row(jdbc, "DONGHA-260101-0003")).containsExactly(2, null);
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM dv_dossier WHERE citizen_rating IS NOT NULL"
        + " AND citizen_rated_at IS NULL", Integer.class)).isZero();
  }

  private static Flyway flyway(DataSource dataSource, String target) {
    return Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").table("dv_schema_history")
        .target(target).load();
  }

  private static void insert(JdbcTemplate jdbc, String code, int satisfaction) {
    jdbc.update("INSERT INTO dv_dossier (code, unit, procedure_code, channel, phone_last4, state, received_at,"
        + " appointment_moved, satisfaction, created_at, updated_at) VALUES (?, 'dongha', 'CERTIFIED_COPY', 'COUNTER',"
        + " '4321', 'RETURNED', CURRENT_TIMESTAMP, FALSE, ?, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)", code, satisfaction);
  }

  private static void event(JdbcTemplate jdbc, String code, String actor, String detail) {
    jdbc.update("INSERT INTO dv_dossier_event (dossier_code, occurred_at, event_type, actor, detail)"
        + " VALUES (?, CURRENT_TIMESTAMP, 'RATED', ?, ?)", code, actor, detail);
  }

  private static Object[] row(JdbcTemplate jdbc, String code) {
    return jdbc.queryForObject("SELECT satisfaction, citizen_rating FROM dv_dossier WHERE code = ?",
        (rs, i) -> new Object[] {rs.getObject(1, Integer.class), rs.getObject(2, Integer.class)}, code);
  }
}
