package vn.danvan.support;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngines;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Base of the integration tests that talk HTTP to the running application on PostgreSQL. */
@PostgresIntegrationTest
public abstract class RunningApplicationTest {

  @LocalServerPort protected int port;
  @Autowired protected ProcessEngine engine;
  protected Http http;

  @BeforeEach
  void connectHttpClient() {
    http = new Http(port);
  }

  /**
   * Camunda's REST API finds its engine in the static {@link ProcessEngines} registry, where the
   * last Spring context started (a test with a context of its own) registers itself as "default".
   * Re-registering this context's engine makes {@code /engine-rest} talk to the engine and database
   * the test autowires, whatever ran before.
   */
  @BeforeEach
  void registerThisContextsEngine() {
    ProcessEngines.registerProcessEngine(engine);
  }
}
