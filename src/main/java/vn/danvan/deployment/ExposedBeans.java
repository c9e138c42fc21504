package vn.danvan.deployment;

import java.util.AbstractMap;
import java.util.Set;
import java.util.TreeSet;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.annotation.AnnotatedElementUtils;

/**
 * The beans process models may use: those whose class carries {@link ModellingBean}, and the
 * project's own delegates and listeners (classes under {@code vn.danvan.} implementing
 * {@link JavaDelegate}, {@link ExecutionListener} or {@link TaskListener}: they exist to be called
 * by a diagram, as {@code camunda:delegateExpression="${registerDossierDelegate}"}).
 *
 * <p>Names are collected from the bean definitions without creating any bean, because this runs
 * while the process engine itself is being built; a bean is fetched when an expression first needs it.
 */
final class ExposedBeans {

  static final String PROJECT_PACKAGE = "vn.danvan.";

  private final ApplicationContext context;
  private final Set<String> names;

  private ExposedBeans(ApplicationContext context, Set<String> names) {
    this.context = context;
    this.names = Set.copyOf(names);
  }

  static ExposedBeans collect(ApplicationContext context) {
    ConfigurableListableBeanFactory factory = ((ConfigurableApplicationContext) context).getBeanFactory();
    Set<String> names = new TreeSet<>();
    for (String name : factory.getBeanDefinitionNames()) {
      Class<?> type = factory.getType(name, false);
      if (type != null && isExposed(type)) {
        names.add(name);
      }
    }
    return new ExposedBeans(context, names);
  }

  static boolean isExposed(Class<?> type) {
    if (AnnotatedElementUtils.hasAnnotation(type, ModellingBean.class)) {
      return true;
    }
    return type.getName().startsWith(PROJECT_PACKAGE)
        && (JavaDelegate.class.isAssignableFrom(type) || ExecutionListener.class.isAssignableFrom(type)
            || TaskListener.class.isAssignableFrom(type));
  }

  Set<String> names() {
    return names;
  }

  boolean contains(String name) {
    return names.contains(name);
  }

  /** Whether the name is a bean of the application that models may not use. */
  boolean isOtherBean(String name) {
    return !names.contains(name) && context.containsBean(name);
  }

  /**
   * The exposed beans as the read-only map the engine's expression manager takes
   * ({@code SpringExpressionManager(context, beans)}); each bean is fetched on first use.
   */
  java.util.Map<Object, Object> asMap() {
    return new AbstractMap<>() {
      @Override
      public boolean containsKey(Object key) {
        return key instanceof String name && names.contains(name);
      }

      @Override
      public Object get(Object key) {
        return containsKey(key) ? context.getBean((String) key) : null;
      }

      @Override
      public Set<Entry<Object, Object>> entrySet() {
        Set<Entry<Object, Object>> entries = new java.util.LinkedHashSet<>();
        names.forEach(n -> entries.add(new SimpleImmutableEntry<>(n, context.getBean(n))));
        return entries;
      }
    };
  }
}
