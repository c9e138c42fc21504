package vn.danvan.config;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.Session;
import org.camunda.bpm.engine.impl.interceptor.SessionFactory;

/**
 * Replaces or wraps one of the engine's managers: the engine opens its managers (and its identity
 * providers) through session factories, one session per command, and a custom factory for a
 * manager's type wins over the engine's own.
 *
 * <p>Internal API: session factories are set only on {@code ProcessEngineConfigurationImpl}, from an
 * engine plugin.
 */
public final class EngineManagers {

  private EngineManagers() {}

  /** From now on every command of the engine gets its {@code type} manager from {@code open}; call in {@code preInit}. */
  public static void install(ProcessEngineConfigurationImpl configuration, Class<?> type,
      Supplier<? extends Session> open) {
    List<SessionFactory> factories = configuration.getCustomSessionFactories() == null ? new ArrayList<>()
        : new ArrayList<>(configuration.getCustomSessionFactories());
    factories.add(factory(type, open));
    configuration.setCustomSessionFactories(factories);
  }

  /**
   * From now on every command's {@code type} session is the one the engine chose (whichever plugin
   * chose it), passed through {@code wrap}; call in {@code postInit}, once the engine has chosen.
   *
   * @return false, and nothing wrapped, if the engine has no session of that type
   */
  public static <S extends Session> boolean wrap(ProcessEngineConfigurationImpl configuration, Class<S> type,
      Function<S, ? extends S> wrap) {
    SessionFactory engines = configuration.getSessionFactories().get(type);
    if (engines == null) {
      return false;
    }
    configuration.getSessionFactories().put(type, factory(type, () -> wrap.apply(type.cast(engines.openSession()))));
    return true;
  }

  private static SessionFactory factory(Class<?> type, Supplier<? extends Session> open) {
    return new SessionFactory() {
      @Override
      public Class<?> getSessionType() {
        return type;
      }

      @Override
      public Session openSession() {
        return open.get();
      }
    };
  }
}
