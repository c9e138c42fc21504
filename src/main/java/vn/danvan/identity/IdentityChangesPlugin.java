package vn.danvan.identity;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.identity.WritableIdentityProvider;
import org.springframework.stereotype.Component;
import vn.danvan.config.EngineManagers;

/**
 * Puts a {@link ChangeCountingIdentityProvider} around the engine's writable identity provider, so
 * that {@link IdentityChanges} hears of every identity write on this node. Wrapped after the engine
 * has chosen its provider, whichever plugin chose it; nothing is wrapped when the engine's identity
 * is read-only (an LDAP plugin, say). Internal API: the engine's providers are opened by its session
 * factories, reachable only from an engine plugin.
 */
@Component
class IdentityChangesPlugin extends AbstractProcessEnginePlugin {

  private final IdentityChanges changes;

  IdentityChangesPlugin(IdentityChanges changes) {
    this.changes = changes;
  }

  @Override
  public void postInit(ProcessEngineConfigurationImpl configuration) {
    EngineManagers.wrap(configuration, WritableIdentityProvider.class,
        engines -> new ChangeCountingIdentityProvider(engines, changes));
  }
}
