package vn.danvan.identity;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** The tables {@code dv_unit} and {@code dv_unit_official} (migrations V7, V8). */
@Repository
class UnitOfficialsRepository {

  private final JdbcTemplate jdbc;

  UnitOfficialsRepository(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  Optional<UnitProfile> find(String code) {
    List<String[]> parents = jdbc.query("SELECT parent_code, contact_phone, agency_code FROM dv_unit WHERE unit_code = ?",
        (rs, i) -> new String[] {rs.getString(1), rs.getString(2), rs.getString(3)}, code);
    if (parents.isEmpty()) {
      return Optional.empty();
    }
    List<UnitOfficial> officials = jdbc.query(
        "SELECT user_id, position, title FROM dv_unit_official WHERE unit_code = ? ORDER BY position, user_id",
        (rs, i) -> new UnitOfficial(rs.getString(1), OfficialPosition.valueOf(rs.getString(2)), rs.getString(3)), code);
    return Optional.of(new UnitProfile(code, parents.get(0)[0], officials, parents.get(0)[1], parents.get(0)[2]));
  }

  /** Replaces the unit's row and all its officials; the caller's transaction makes it all or nothing. */
  void replace(UnitProfile unit, String actor, Instant at) {
    jdbc.update("DELETE FROM dv_unit_official WHERE unit_code = ?", unit.code());
    int updated = jdbc.update("UPDATE dv_unit SET parent_code = ?, contact_phone = ?, agency_code = ?, updated_at = ?,"
        + " updated_by = ? WHERE unit_code = ?",
        unit.parent(), unit.contactPhone(), unit.agencyCode(), Timestamp.from(at), actor, unit.code());
    if (updated == 0) {
      jdbc.update("INSERT INTO dv_unit (unit_code, parent_code, contact_phone, agency_code, updated_at, updated_by)"
          + " VALUES (?, ?, ?, ?, ?, ?)",
          unit.code(), unit.parent(), unit.contactPhone(), unit.agencyCode(), Timestamp.from(at), actor);
    }
    for (UnitOfficial official : unit.officials()) {
      jdbc.update("INSERT INTO dv_unit_official (unit_code, user_id, position, title) VALUES (?, ?, ?, ?)",
          unit.code(), official.userId(), official.position().name(), official.title());
    }
  }

  /** The unit that holds this agency code, if any. */
  Optional<String> unitWithAgencyCode(String agencyCode) {
    return jdbc.queryForList("SELECT unit_code FROM dv_unit WHERE agency_code = ?", String.class, agencyCode)
        .stream().findFirst();
  }

  /** Records the agency code of a unit that has none yet (demo seeding of units recorded before V14). */
  boolean agencyCodeIfMissing(String unit, String agencyCode) {
    return jdbc.update("UPDATE dv_unit SET agency_code = ? WHERE unit_code = ? AND agency_code IS NULL", agencyCode,
        unit) == 1;
  }
}
