package vn.danvan.support;

import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Points a Spring test context at a fresh database on the tests' PostgreSQL server, with an
 * operator's trust configuration for signature verification (extra root CAs, a time-stamp
 * authority, CRL files: {@code TestPki.Operator}).
 */
public class PostgresContextInitializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

  @Override
  public void initialize(ConfigurableApplicationContext context) {
    PostgresTestDatabase.Database database = PostgresTestDatabase.newDatabase();
    TestPropertyValues.of(
        "DANVAN_DB_URL=" + database.url(),
        "DANVAN_DB_USER=" + database.user(),
        "DANVAN_DB_PASSWORD=" + database.password())
        .and(vn.danvan.signing.TestPki.Operator.properties().stream())
        .applyTo(context);
  }
}
