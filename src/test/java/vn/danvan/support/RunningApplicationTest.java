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
  @Autowired ProcessEngine processEngine;
  protected Http http;

  @BeforeEach
  void connectHttpClient() {
    http = new Http(port);
    // Camunda's REST API and webapps find the engine "default" in a static registry, where the
    // newest test context's engine replaces the others: put this context's engine back, so that
    // its REST mounts use its own engine (and the authentication our filters set on it).
    ProcessEngines.registerProcessEngine(processEngine);
  }
}
