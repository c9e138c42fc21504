package vn.danvan.deployment;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.camunda.bpm.engine.impl.persistence.deploy.Deployer;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Installs the trust model of deployments into the engine: the {@link DeploymentGuard} as first
 * deployer, the {@link SandboxExpressionManager} (exposed beans only, sandbox resolver first) and the
 * {@link CascadeDeletionGuard} in front of every command.
 *
 * <p>Depending on the {@link JdbcTemplate} also orders Flyway (and so the audit table) before the
 * engine and its startup deployment.
 *
 * <p>Internal API: engine plugins, deployers, command interceptors and the expression manager are
 * all set on {@code ProcessEngineConfigurationImpl}; Camunda has no public equivalent.
 */
@Component
class DeploymentSecurityPlugin extends AbstractProcessEnginePlugin {

  private final ApplicationContext context;
  private final JdbcTemplate jdbc;
  private volatile ProcessEngine engine;
  private volatile ModelReview review;

  DeploymentSecurityPlugin(ApplicationContext context, JdbcTemplate jdbc) {
    this.context = context;
    this.jdbc = jdbc;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    ExposedBeans beans = ExposedBeans.collect(context);
    configuration.setBeans(beans.asMap());
    configuration.setExpressionManager(new SandboxExpressionManager(context, beans.asMap()));

    List<Deployer> deployers = new ArrayList<>();
    deployers.add(new DeploymentGuard(() -> review(beans), new DeploymentAudit(jdbc), this::publishAfterCommit));
    if (configuration.getCustomPreDeployers() != null) {
      deployers.addAll(configuration.getCustomPreDeployers());
    }
    configuration.setCustomPreDeployers(deployers);

    // One instance per chain: an interceptor holds the next element of its chain.
    configuration.setCustomPreCommandInterceptorsTxRequired(first(
        new CascadeDeletionGuard(() -> engine, this::publishAfterCommit),
        configuration.getCustomPreCommandInterceptorsTxRequired()));
    configuration.setCustomPreCommandInterceptorsTxRequiresNew(first(
        new CascadeDeletionGuard(() -> engine, this::publishAfterCommit),
        configuration.getCustomPreCommandInterceptorsTxRequiresNew()));
  }

  @Override
  public void postProcessEngineBuild(ProcessEngine processEngine) {
    this.engine = processEngine;
  }

  /**
   * Tells node-local caches about a deployment or deletion once it is committed (inside a Spring transaction,
   * which the engine's commands join), so that none re-reads the old version in between and keeps it.
   */
  private void publishAfterCommit(DeploymentsChanged change) {
    if (TransactionSynchronizationManager.isSynchronizationActive()) {
      TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
        @Override
        public void afterCommit() {
          context.publishEvent(change);
        }
      });
    } else {
      context.publishEvent(change);
    }
  }

  private ModelReview review(ExposedBeans beans) {
    if (review == null) {
      review = new ModelReview(new ExpressionAllowList(beans.names(), beans::isOtherBean));
    }
    return review;
  }

  private static List<CommandInterceptor> first(CommandInterceptor interceptor, List<CommandInterceptor> others) {
    List<CommandInterceptor> all = new ArrayList<>();
    all.add(interceptor);
    if (others != null) {
      all.addAll(others);
    }
    return all;
  }
}
