package vn.danvan.support;

import org.junit.jupiter.api.BeforeEach;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Base of the integration tests that talk HTTP to the running application on PostgreSQL. */
@PostgresIntegrationTest
public abstract class RunningApplicationTest {

  @LocalServerPort protected int port;
  protected Http http;

  @BeforeEach
  void connectHttpClient() {
    http = new Http(port);
  }
}
