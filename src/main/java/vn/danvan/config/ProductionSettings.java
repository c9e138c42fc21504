package vn.danvan.config;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;

/**
 * Production mode is the default: without the {@code demo} profile the application refuses to start,
 * before any bean is created, with one message naming every missing setting (administrator
 * password, PostgreSQL database, signing keys, their password and trust anchors). Registered in
 * {@code META-INF/spring.factories}, so it runs for every start, tests included. The checks of what
 * the settings hold (password strength, keystore contents) stay with their owners.
 */
public class ProductionSettings implements ApplicationContextInitializer<ConfigurableApplicationContext> {

  @Override
  public void initialize(ConfigurableApplicationContext context) {
    Environment environment = context.getEnvironment();
    if (environment.acceptsProfiles(Profiles.of("demo"))) {
      return;
    }
    List<String> missing = missing(environment);
    if (!missing.isEmpty()) {
      throw new MissingProductionSettingsException(missing);
    }
  }

  /** One line per missing setting, naming its environment variable. */
  static List<String> missing(Environment environment) {
    List<String> missing = new ArrayList<>();
    if (blank(environment, "danvan.admin.password")) {
      missing.add("DANVAN_ADMIN_PASSWORD: the administrator's password");
    }
    String url = environment.getProperty("spring.datasource.url", "");
    if (url.isBlank()) {
      missing.add("DANVAN_DB_URL: the JDBC URL of the PostgreSQL database (jdbc:postgresql://host:5432/danvan)");
    } else if (url.startsWith("jdbc:h2:")) {
      missing.add("DANVAN_DB_URL: a PostgreSQL database (the embedded H2 database is for the demo only)");
    }
    if (blank(environment, "spring.datasource.username")) {
      missing.add("DANVAN_DB_USER: the database user");
    }
    String keystoreDir = environment.getProperty("danvan.signing.keystore-dir", "");
    if (keystoreDir.isBlank() || !holdsKeystore(Path.of(keystoreDir))) {
      missing.add("DANVAN_SIGNING_KEYSTORE_DIR: a folder with the units' signing keystores (<unit>.p12); '"
          + keystoreDir + "' holds none");
    }
    if (blank(environment, "danvan.signing.keystore-password")) {
      missing.add("DANVAN_SIGNING_KEYSTORE_PASSWORD: the password of the signing keystores");
    }
    if (blank(environment, "danvan.signing.trust-anchors")) {
      missing.add("DANVAN_SIGNING_TRUST_ANCHORS: the root CA certificate file(s) that signature verification trusts");
    }
    return missing;
  }

  private static boolean blank(Environment environment, String property) {
    return environment.getProperty(property, "").isBlank();
  }

  private static boolean holdsKeystore(Path dir) {
    if (!Files.isDirectory(dir)) {
      return false;
    }
    try (Stream<Path> files = Files.list(dir)) {
      return files.anyMatch(file -> file.getFileName().toString().endsWith(".p12"));
    } catch (IOException e) {
      return false;
    }
  }
}
