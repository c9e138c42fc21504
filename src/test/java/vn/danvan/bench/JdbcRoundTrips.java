package vn.danvan.bench;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.Statement;
import java.util.Set;
import java.util.concurrent.atomic.LongAdder;
import javax.sql.DataSource;
import org.springframework.beans.factory.config.BeanPostProcessor;

/**
 * Counts the application's round trips to the database as its driver sees them: every statement
 * execution ({@code execute*}; a JDBC batch is one), every {@code commit} and {@code rollback}. The
 * PostgreSQL driver sends a transaction's {@code BEGIN} with its first statement, so that costs no
 * trip of its own. Installed as a bean post-processor that wraps the application's data source.
 */
final class JdbcRoundTrips implements BeanPostProcessor {

  private static final Set<String> TRIPS = Set.of("execute", "executeQuery", "executeUpdate", "executeLargeUpdate",
      "executeBatch", "executeLargeBatch", "commit", "rollback");

  private final LongAdder trips = new LongAdder();
  /** With {@code danvan.bench.trace-sql}: round trips by request (method and path) and SQL text. */
  private final java.util.Map<String, java.util.Map<String, LongAdder>> traced =
      Boolean.getBoolean("danvan.bench.trace-sql") ? new java.util.concurrent.ConcurrentHashMap<>() : null;

  long count() {
    return trips.sum();
  }

  @Override
  public Object postProcessAfterInitialization(Object bean, String beanName) {
    if (bean instanceof DataSource dataSource && !(Proxy.isProxyClass(bean.getClass()))) {
      return wrap(dataSource, DataSource.class, bean.getClass().getInterfaces());
    }
    if (bean.getClass().getName().equals("vn.danvan.document.NumberingPool")) {
      countMints(bean);
    }
    return bean;
  }

  /**
   * The numbering's own small pool (not a bean, so that it does not compete with the application's
   * data source) carries the mints: its round trips count as well. Set through reflection, as only
   * this instrument needs to reach it.
   */
  private void countMints(Object numberingPool) {
    try {
      java.lang.reflect.Field field = numberingPool.getClass().getDeclaredField("dataSource");
      field.setAccessible(true);
      DataSource own = (DataSource) field.get(numberingPool);
      if (!Proxy.isProxyClass(own.getClass())) {
        field.set(numberingPool, wrap(own, DataSource.class, own.getClass().getInterfaces()));
      }
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("the numbering pool's round trips cannot be counted", e);
    }
  }

  /** Round trips of each request kind and their SQL, most frequent first; empty unless traced. */
  java.util.Map<String, java.util.Map<String, LongAdder>> traced() {
    return traced == null ? new java.util.HashMap<>() : traced;
  }

  private static String requestKey() {
    if (org.springframework.web.context.request.RequestContextHolder.getRequestAttributes()
        instanceof org.springframework.web.context.request.ServletRequestAttributes attributes) {
      var request = attributes.getRequest();
      String path = request.getRequestURI().replaceAll("/[0-9a-f]{8}-[0-9a-f-]{27,}", "/{id}")
          .replaceAll("/[A-Z0-9.-]*[0-9][A-Z0-9.-]*", "/{code}");
      return request.getMethod() + " " + path;
    }
    return "thread " + Thread.currentThread().getName().replaceAll("[-0-9]+$", "");
  }

  private Object wrap(Object target, Class<?> main, Class<?>[] others) {
    return wrap(target, main, others, null);
  }

  private Object wrap(Object target, Class<?> main, Class<?>[] others, String sql) {
    Set<Class<?>> interfaces = new java.util.LinkedHashSet<>();
    interfaces.add(main);
    for (Class<?> other : others) {
      if (other.isInterface()) {
        interfaces.add(other);
      }
    }
    InvocationHandler handler = (proxy, method, args) -> invoke(target, method, args, sql);
    return Proxy.newProxyInstance(JdbcRoundTrips.class.getClassLoader(), interfaces.toArray(Class<?>[]::new), handler);
  }

  private Object invoke(Object target, Method method, Object[] args, String sql) throws Throwable {
    if (method.getName().equals("unwrap") || method.getName().equals("isWrapperFor")) {
      return call(target, method, args);
    }
    if (TRIPS.contains(method.getName())) {
      trips.increment();
      if (traced != null) {
        String text = sql != null ? sql : method.getName().startsWith("execute") && args != null && args.length > 0
            && args[0] instanceof String direct ? direct : method.getName();
        traced.computeIfAbsent(requestKey(), k -> new java.util.concurrent.ConcurrentHashMap<>())
            .computeIfAbsent(text.replaceAll("\\s+", " ").trim(), k -> new LongAdder()).increment();
      }
    }
    Object result = call(target, method, args);
    if (result instanceof Connection connection) {
      return wrap(connection, Connection.class, new Class<?>[0]);
    }
    if (result instanceof Statement statement) {
      Class<?> kind = statement instanceof java.sql.CallableStatement ? java.sql.CallableStatement.class
          : statement instanceof java.sql.PreparedStatement ? java.sql.PreparedStatement.class : Statement.class;
      String text = args != null && args.length > 0 && args[0] instanceof String given ? given : null;
      return wrap(statement, kind, new Class<?>[0], text);
    }
    return result;
  }

  private static Object call(Object target, Method method, Object[] args) throws Throwable {
    try {
      return method.invoke(target, args);
    } catch (InvocationTargetException e) {
      throw e.getCause();
    }
  }
}
