package vn.danvan.cluster;

import org.flywaydb.core.Flyway;
import org.springframework.boot.autoconfigure.flyway.FlywayMigrationStrategy;
import org.springframework.stereotype.Component;

/**
 * Runs the app's Flyway migrations under the {@link StartupLock}, which the engine's start then
 * keeps: two nodes starting at once on an empty database otherwise raced in Flyway (both creating
 * or baselining {@code dv_schema_history}, and one stopping with "Found non-empty schema … without
 * schema history table" once the other's tables appeared), before the lock was taken for the engine.
 */
@Component
class MigrateUnderStartupLock implements FlywayMigrationStrategy {

  private final StartupLock lock;

  MigrateUnderStartupLock(StartupLock lock) {
    this.lock = lock;
  }

  @Override
  public void migrate(Flyway flyway) {
    lock.acquire();
    flyway.migrate();
  }
}
