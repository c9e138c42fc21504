package vn.danvan.config;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.Session;
import org.camunda.bpm.engine.impl.interceptor.SessionFactory;

/**
 * Replaces one of the engine's managers: the engine opens its managers through session factories,
 * one manager per command, and a custom factory for a manager's type wins over the engine's own.
 *
 * <p>Internal API: session factories are set only on {@code ProcessEngineConfigurationImpl}, from an
 * engine plugin's {@code preInit}.
 */
public final class EngineManagers {

  private EngineManagers() {}

  /** From now on every command of the engine gets its {@code type} manager from {@code open}. */
  public static void install(ProcessEngineConfigurationImpl configuration, Class<?> type,
      Supplier<? extends Session> open) {
    List<SessionFactory> factories = configuration.getCustomSessionFactories() == null ? new ArrayList<>()
        : new ArrayList<>(configuration.getCustomSessionFactories());
    factories.add(new SessionFactory() {
      @Override
      public Class<?> getSessionType() {
        return type;
      }

      @Override
      public Session openSession() {
        return open.get();
      }
    });
    configuration.setCustomSessionFactories(factories);
  }
}
