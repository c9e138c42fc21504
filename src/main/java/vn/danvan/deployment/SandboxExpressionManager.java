package vn.danvan.deployment;

import java.util.Map;
import org.camunda.bpm.engine.spring.SpringExpressionManager;
import org.camunda.bpm.impl.juel.jakarta.el.CompositeELResolver;
import org.camunda.bpm.impl.juel.jakarta.el.ELResolver;
import org.springframework.context.ApplicationContext;

/**
 * The engine's expression manager: Camunda's {@link SpringExpressionManager} given the exposed
 * beans only (so that it resolves names from that map instead of the whole application context),
 * with the {@link SandboxElResolver} in front of all of Camunda's resolvers.
 *
 * <p>Why it is set in a plugin: the Spring Boot starter's {@code ProcessEngineFactoryBean} creates a
 * {@code SpringExpressionManager(applicationContext, configuration.getBeans())} before the engine
 * configuration is initialised, when {@code beans} is still null (meaning: every Spring bean);
 * setting {@code beans} later in a plugin's preInit would not reach that expression manager, so the
 * plugin replaces it with this one. The DMN engine's JUEL provider is built from it too
 * ({@code ElProviderCompatible}).
 *
 * <p>Internal API: the expression manager and its resolvers are engine implementation types (the
 * shaded JUEL, {@code org.camunda.bpm.impl.juel}); there is no public way to wrap them.
 */
final class SandboxExpressionManager extends SpringExpressionManager {

  SandboxExpressionManager(ApplicationContext context, Map<Object, Object> exposedBeans) {
    super(context, exposedBeans);
  }

  @Override
  protected ELResolver createElResolver() {
    CompositeELResolver resolver = new CompositeELResolver();
    resolver.add(new SandboxElResolver());
    resolver.add(super.createElResolver());
    return resolver;
  }
}
