package vn.danvan.identity;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import java.util.ArrayList;
import java.util.List;
import org.springframework.core.annotation.AnnotationAwareOrderComparator;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Runs every {@link EngineSeed} (role groups, grants, filters, the administrator; the demo
 * identities) as soon as the engine is built. An engine plugin ({@code impl} API) because Camunda
 * has no public hook between building the engine and its auto-deployment; the seeds themselves use
 * only the public services. Ordered before the other plugins' post-build steps, as the seeders were.
 */
@Component
@Order(10)
class SeedPlugin extends AbstractProcessEnginePlugin {

  private final List<EngineSeed> seeds;

  /** The seeds are created with the plugin, before the engine touches the database (they check settings). */
  SeedPlugin(List<EngineSeed> seeds) {
    var ordered = new ArrayList<>(seeds);
    AnnotationAwareOrderComparator.sort(ordered);
    this.seeds = List.copyOf(ordered);
  }

  @Override
  public void postProcessEngineBuild(ProcessEngine engine) {
    seeds.forEach(seed -> seed.seed(engine));
  }
}
