package vn.danvan.config;

import com.zaxxer.hikari.HikariDataSource;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.stereotype.Component;

/**
 * Tells PostgreSQL's JDBC driver not to put the server's error detail and the failed statement's
 * bound values into its exception messages ({@code logServerErrorDetail=false}): a refused value
 * (an ID number, a name) then never reaches an exception, whoever logs or answers it. Only for
 * PostgreSQL URLs: the demo's H2 driver refuses unknown connection properties.
 */
@Component
class PostgresErrorDetail implements BeanPostProcessor {

  @Override
  public Object postProcessAfterInitialization(Object bean, String beanName) {
    if (bean instanceof HikariDataSource hikari && hikari.getJdbcUrl() != null
        && hikari.getJdbcUrl().startsWith("jdbc:postgresql:")) {
      hikari.addDataSourceProperty("logServerErrorDetail", "false");
    }
    return bean;
  }
}
