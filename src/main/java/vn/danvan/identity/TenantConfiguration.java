package vn.danvan.identity;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.stereotype.Component;

/**
 * Installs the {@link UnitTenantIdProvider} and keeps the engine's tenant check on. Internal API:
 * both are settings of {@code ProcessEngineConfigurationImpl}, reached only from an engine plugin.
 */
@Component
class TenantConfiguration extends AbstractProcessEnginePlugin {

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    configuration.setTenantIdProvider(new UnitTenantIdProvider());
    configuration.setTenantCheckEnabled(true);
  }
}
