package vn.danvan.cluster;

import jakarta.annotation.PreDestroy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import vn.danvan.config.DatabaseProduct;

/**
 * One node's startup at a time on a shared PostgreSQL: the engine's schema creation and every seeder
 * (role groups, the administrator, authorizations, Tasklist filters, and in the demo the units,
 * officials and dossiers) check what exists and then create it, so two nodes starting together on a
 * fresh database both try to create the same rows and one of them fails to start (measured: "The
 * tenant already exists"). A session-level advisory lock, taken before the engine is built and
 * released when the application is ready (after the seeders that run as application runners), makes
 * the second node wait and then find everything in place. A node that dies while starting loses its
 * connection, and PostgreSQL releases the lock with it. On H2 (the demo's file database, which one
 * node opens alone) there is nothing to wait for.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class StartupLock extends AbstractProcessEnginePlugin {

  private static final Logger LOG = LoggerFactory.getLogger(StartupLock.class);
  /** The advisory lock's key, per database: "danvan" and a 1 in hex. */
  static final long KEY = 0x64616e76616e01L;

  private final DataSource dataSource;
  private Connection held;

  StartupLock(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    acquire();
  }

  synchronized void acquire() {
    if (held != null) {
      return;
    }
    try {
      Connection connection = dataSource.getConnection();
      if (!DatabaseProduct.isPostgres(connection)) {
        connection.close();
        return;
      }
      try (PreparedStatement tryLock = connection.prepareStatement("SELECT pg_try_advisory_lock(?)")) {
        tryLock.setLong(1, KEY);
        var result = tryLock.executeQuery();
        result.next();
        if (!result.getBoolean(1)) {
          LOG.info("Another node is starting on this database: waiting for it to finish before this one starts");
          try (PreparedStatement lock = connection.prepareStatement("SELECT pg_advisory_lock(?)")) {
            lock.setLong(1, KEY);
            lock.execute();
          }
        }
      }
      held = connection;
    } catch (SQLException e) {
      throw new IllegalStateException("Cannot take the startup lock on the database", e);
    }
  }

  /** After the last seeder (application runners run before the ready event). */
  @EventListener(ApplicationReadyEvent.class)
  @PreDestroy
  synchronized void release() {
    if (held == null) {
      return;
    }
    try (Connection connection = held) {
      try (PreparedStatement unlock = connection.prepareStatement("SELECT pg_advisory_unlock(?)")) {
        unlock.setLong(1, KEY);
        unlock.execute();
      }
    } catch (SQLException e) {
      // closing the connection ends the session, and with it the lock
      LOG.warn("Startup lock: unlocking failed ({}); the lock ends with the connection", e.getMessage());
    } finally {
      held = null;
    }
  }
}
