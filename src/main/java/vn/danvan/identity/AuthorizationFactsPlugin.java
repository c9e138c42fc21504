package vn.danvan.identity;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.SessionFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Installs the {@link CachingAuthorizationManager} unless {@code danvan.performance.authorization-cache}
 * is {@code PT0S}, in which case the engine's own manager asks the database in every command.
 * Internal API: the engine's managers are chosen by its session factories, set only on
 * {@code ProcessEngineConfigurationImpl} from an engine plugin.
 */
@Component
class AuthorizationFactsPlugin extends AbstractProcessEnginePlugin {

  private final AuthorizationFacts facts;

  AuthorizationFactsPlugin(@Value("${danvan.performance.authorization-cache:PT5S}") Duration timeToLive) {
    this.facts = new AuthorizationFacts(timeToLive, System::nanoTime);
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    if (!facts.enabled()) {
      return;
    }
    List<SessionFactory> factories = configuration.getCustomSessionFactories() == null ? new ArrayList<>()
        : new ArrayList<>(configuration.getCustomSessionFactories());
    factories.add(new CachingAuthorizationManager.Factory(facts));
    configuration.setCustomSessionFactories(factories);
  }
}
