package vn.danvan.deployment;

import java.beans.FeatureDescriptor;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.impl.juel.jakarta.el.ELContext;
import org.camunda.bpm.impl.juel.jakarta.el.ELException;
import org.camunda.bpm.impl.juel.jakarta.el.ELResolver;

/**
 * The first resolver of every expression the engine evaluates (BPMN, and JUEL in DMN if any): it
 * resolves nothing itself, and refuses, before any other resolver can act, a property or method
 * that is reflective ({@link ScopeMembers#REFLECTIVE}), any member of a dangerous object (classes,
 * class loaders, reflection, {@code Runtime}, {@code ProcessBuilder}, threads, the engine, its
 * services and configuration, Spring's context, data sources and JDBC), and the members of
 * {@code execution} and {@code task} that are not on their allow-list. It holds even for a diagram
 * that never passed the {@link DeploymentGuard} (deployed before it existed).
 *
 * <p>Internal API: it extends the engine's shaded JUEL ({@code org.camunda.bpm.impl.juel}), the EL the
 * expression manager runs; there is no public resolver SPI.
 */
final class SandboxElResolver extends ELResolver {

  /**
   * The engine's package, read from its public API rather than written out, so that the names below
   * follow the engine the build targets (Camunda's {@code org.camunda.bpm.engine} or Operaton's
   * {@code org.operaton.bpm.engine}): a name that named no loaded type would guard nothing.
   */
  private static final String ENGINE = ProcessEngine.class.getPackageName();

  /** Types whose members no expression may touch; matched by name, so none of them must be loaded. */
  static final List<String> DANGEROUS_TYPES = List.of(
      "java.lang.Class", "java.lang.ClassLoader", "java.lang.Module", "java.lang.ModuleLayer",
      "java.lang.Runtime", "java.lang.ProcessBuilder", "java.lang.Process", "java.lang.ProcessHandle",
      "java.lang.System", "java.lang.Thread", "java.lang.ThreadGroup", "java.lang.StackWalker",
      ENGINE + ".ProcessEngine", ENGINE + ".ProcessEngineServices",
      ENGINE + ".ProcessEngineConfiguration", ENGINE + ".RepositoryService",
      ENGINE + ".RuntimeService", ENGINE + ".TaskService",
      ENGINE + ".IdentityService", ENGINE + ".FormService",
      ENGINE + ".HistoryService", ENGINE + ".ManagementService",
      ENGINE + ".AuthorizationService", ENGINE + ".CaseService",
      ENGINE + ".FilterService", ENGINE + ".ExternalTaskService",
      ENGINE + ".DecisionService", ENGINE + ".impl.interceptor.CommandContext",
      ENGINE + ".impl.interceptor.CommandExecutor",
      ENGINE + ".impl.db.entitymanager.DbEntityManager", ENGINE + ".impl.db.sql.DbSqlSession",
      "org.springframework.beans.factory.BeanFactory", "org.springframework.core.env.Environment",
      "org.springframework.core.io.ResourceLoader", "javax.sql.DataSource", "java.sql.Connection",
      "java.sql.Statement", "org.springframework.jdbc.core.JdbcOperations",
      "org.springframework.jdbc.core.namedparam.NamedParameterJdbcOperations",
      "org.springframework.transaction.PlatformTransactionManager");

  /** Packages whose objects no expression may touch. */
  private static final List<String> DANGEROUS_PACKAGES = List.of("java.lang.reflect.", "java.lang.invoke.",
      ENGINE + ".impl.cfg.", "sun.", "jdk.internal.");

  @Override
  public Object getValue(ELContext context, Object base, Object property) {
    check(base, property, false);
    return null;
  }

  @Override
  public Object invoke(ELContext context, Object base, Object method, Class<?>[] paramTypes, Object[] params) {
    check(base, method, true);
    return null;
  }

  @Override
  public Class<?> getType(ELContext context, Object base, Object property) {
    check(base, property, false);
    return null;
  }

  @Override
  public void setValue(ELContext context, Object base, Object property, Object value) {
    check(base, property, false);
  }

  @Override
  public boolean isReadOnly(ELContext context, Object base, Object property) {
    check(base, property, false);
    return false;
  }

  @Override
  public Iterator<FeatureDescriptor> getFeatureDescriptors(ELContext context, Object base) {
    return null;
  }

  @Override
  public Class<?> getCommonPropertyType(ELContext context, Object base) {
    return null;
  }

  /** Refuses the member, or returns and lets the next resolvers resolve it. */
  static void check(Object base, Object member, boolean method) {
    if (base == null) {
      return; // a top-level name: a variable, execution, task or an exposed bean
    }
    String name = String.valueOf(member);
    if (ScopeMembers.REFLECTIVE.contains(name)) {
      throw refused("'" + name + "' is a reflective name");
    }
    if (base instanceof VariableScope) {
      // execution, task: only their allow-listed members, checked first (the engine's entity classes
      // implement internal interfaces that a type check would not tell from dangerous ones)
      boolean task = base instanceof DelegateTask;
      Set<String> allowed = task
          ? (method ? ScopeMembers.TASK_METHODS : ScopeMembers.TASK_PROPERTIES)
          : (method ? ScopeMembers.EXECUTION_METHODS : ScopeMembers.EXECUTION_PROPERTIES);
      if (!allowed.contains(name)) {
        throw refused("'" + (task ? "task." : "execution.") + name + "' is not on the allow-list");
      }
      return;
    }
    if (isDangerous(base.getClass())) {
      throw refused("members of " + base.getClass().getName() + " are not available to expressions");
    }
  }

  static boolean isDangerous(Class<?> type) {
    for (Class<?> t = type; t != null; t = t.getSuperclass()) {
      if (matches(t)) {
        return true;
      }
      for (Class<?> i : allInterfaces(t)) {
        if (matches(i)) {
          return true;
        }
      }
    }
    return false;
  }

  private static boolean matches(Class<?> type) {
    String name = type.getName();
    return DANGEROUS_TYPES.contains(name) || DANGEROUS_PACKAGES.stream().anyMatch(name::startsWith);
  }

  private static Set<Class<?>> allInterfaces(Class<?> type) {
    Set<Class<?>> all = new java.util.HashSet<>();
    java.util.ArrayDeque<Class<?>> todo = new java.util.ArrayDeque<>(List.of(type.getInterfaces()));
    while (!todo.isEmpty()) {
      Class<?> i = todo.pop();
      if (all.add(i)) {
        todo.addAll(List.of(i.getInterfaces()));
      }
    }
    return all;
  }

  private static ELException refused(String reason) {
    return new SandboxRefusal("Refused by the expression sandbox: " + reason);
  }

  /** An expression tried to reach what models may not; the engine reports it as an evaluation error. */
  static final class SandboxRefusal extends ELException {
    SandboxRefusal(String message) {
      super(message);
    }
  }
}
