package vn.danvan.identity;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.identity.WritableIdentityProvider;
import org.camunda.bpm.engine.impl.interceptor.Session;
import org.camunda.bpm.engine.impl.interceptor.SessionFactory;
import org.springframework.stereotype.Component;

/**
 * Puts a {@link ChangeCountingIdentityProvider} around the engine's writable identity provider, so
 * that {@link IdentityChanges} hears of every identity write on this node. Nothing is wrapped when
 * the engine's identity is read-only (an LDAP plugin, say). Internal API: the engine's providers
 * are opened by its session factories, reachable only from an engine plugin; wrapped after the
 * engine has chosen its own, whichever plugin chose it.
 */
@Component
class IdentityChangesPlugin extends AbstractProcessEnginePlugin {

  private final IdentityChanges changes;

  IdentityChangesPlugin(IdentityChanges changes) {
    this.changes = changes;
  }

  @Override
  public void postInit(ProcessEngineConfigurationImpl configuration) {
    SessionFactory engines = configuration.getSessionFactories().get(WritableIdentityProvider.class);
    if (engines == null) {
      return;
    }
    configuration.getSessionFactories().put(WritableIdentityProvider.class, new SessionFactory() {
      @Override
      public Class<?> getSessionType() {
        return WritableIdentityProvider.class;
      }

      @Override
      public Session openSession() {
        return new ChangeCountingIdentityProvider((WritableIdentityProvider) engines.openSession(), changes);
      }
    });
  }
}
