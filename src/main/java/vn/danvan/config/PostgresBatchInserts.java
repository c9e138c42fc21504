package vn.danvan.config;

import com.zaxxer.hikari.HikariDataSource;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.stereotype.Component;

/**
 * Lets the PostgreSQL driver send a JDBC batch of inserts as one multi-row {@code INSERT}
 * ({@code reWriteBatchedInserts}): the engine flushes a transaction's new rows (history, variables,
 * tasks) in batches per table, and PostgreSQL then parses, plans and executes one statement per
 * table instead of one per row. Camunda accepts the driver's "no row count" answer for inserts
 * (it checks row counts only of updates and deletes, for optimistic locking). Only for a PostgreSQL
 * URL (the H2 driver would refuse the unknown setting); a URL that sets it itself wins.
 * {@code danvan.performance.rewrite-batched-inserts=false}: off (the stock path, for the benchmark only).
 */
@Component
class PostgresBatchInserts implements BeanPostProcessor {

  private static final String SETTING = "reWriteBatchedInserts";

  private final boolean enabled;

  PostgresBatchInserts(@Value("${danvan.performance.rewrite-batched-inserts:true}") boolean enabled) {
    this.enabled = enabled;
  }

  @Override
  public Object postProcessBeforeInitialization(Object bean, String beanName) {
    if (enabled && bean instanceof HikariDataSource pool && pool.getJdbcUrl() != null
        && pool.getJdbcUrl().startsWith("jdbc:postgresql:") && !pool.getJdbcUrl().contains(SETTING)
        && !pool.getDataSourceProperties().containsKey(SETTING)) {
      pool.addDataSourceProperty(SETTING, "true");
    }
    return bean;
  }
}
