package vn.danvan.identity;

import java.time.Duration;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationManager;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import vn.danvan.config.EngineManagers;

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
    EngineManagers.install(configuration, AuthorizationManager.class, () -> new CachingAuthorizationManager(facts));
  }
}
