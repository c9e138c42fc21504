package vn.danvan.config;

import org.apache.ibatis.mapping.Environment;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Gives the engine's own sessions (and nothing else) connections that send a command's flush in
 * one round trip ({@link PipelinedFlush}), on PostgreSQL with the engine's JDBC batching on.
 * {@code danvan.performance.pipelined-flush=false}: one round trip per statement kind (the stock path).
 *
 * <p>Internal API: the engine's MyBatis session factory is reachable only through
 * {@code ProcessEngineConfigurationImpl}; its environment (data source and transaction factory) is
 * MyBatis's public API. Set after the engine's initialisation, before the engine is built, so that
 * the schema check and every command already use it.
 */
@Component
class PipelinedFlushPlugin extends AbstractProcessEnginePlugin {

  private final boolean enabled;

  PipelinedFlushPlugin(@Value("${danvan.performance.pipelined-flush:true}") boolean enabled) {
    this.enabled = enabled;
  }

  @Override
  public void postInit(ProcessEngineConfigurationImpl configuration) {
    if (enabled && "postgres".equals(configuration.getDatabaseType()) && configuration.isJdbcBatchProcessing()) {
      var mybatis = configuration.getSqlSessionFactory().getConfiguration();
      Environment engine = mybatis.getEnvironment();
      mybatis.setEnvironment(new Environment(engine.getId(), engine.getTransactionFactory(),
          PipelinedFlush.wrap(engine.getDataSource())));
    }
  }
}
