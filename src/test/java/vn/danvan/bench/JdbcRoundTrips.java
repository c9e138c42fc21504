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

  long count() {
    return trips.sum();
  }

  @Override
  public Object postProcessAfterInitialization(Object bean, String beanName) {
    if (bean instanceof DataSource dataSource && !(Proxy.isProxyClass(bean.getClass()))) {
      return wrap(dataSource, DataSource.class, bean.getClass().getInterfaces());
    }
    return bean;
  }

  private Object wrap(Object target, Class<?> main, Class<?>[] others) {
    Set<Class<?>> interfaces = new java.util.LinkedHashSet<>();
    interfaces.add(main);
    for (Class<?> other : others) {
      if (other.isInterface()) {
        interfaces.add(other);
      }
    }
    InvocationHandler handler = (proxy, method, args) -> invoke(target, method, args);
    return Proxy.newProxyInstance(JdbcRoundTrips.class.getClassLoader(), interfaces.toArray(Class<?>[]::new), handler);
  }

  private Object invoke(Object target, Method method, Object[] args) throws Throwable {
    if (method.getName().equals("unwrap") || method.getName().equals("isWrapperFor")) {
      return call(target, method, args);
    }
    if (TRIPS.contains(method.getName())) {
      trips.increment();
    }
    Object result = call(target, method, args);
    if (result instanceof Connection connection) {
      return wrap(connection, Connection.class, new Class<?>[0]);
    }
    if (result instanceof Statement statement) {
      Class<?> kind = statement instanceof java.sql.CallableStatement ? java.sql.CallableStatement.class
          : statement instanceof java.sql.PreparedStatement ? java.sql.PreparedStatement.class : Statement.class;
      return wrap(statement, kind, new Class<?>[0]);
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
