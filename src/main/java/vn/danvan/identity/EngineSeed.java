package vn.danvan.identity;

import org.camunda.bpm.engine.ProcessEngine;

/**
 * Something written into the engine on every start, idempotently, through the public services: run
 * by {@link SeedPlugin} once the engine is built, in {@code @Order}, before the diagrams are
 * deployed and before the job executor or any request uses the engine.
 */
interface EngineSeed {

  void seed(ProcessEngine engine);
}
