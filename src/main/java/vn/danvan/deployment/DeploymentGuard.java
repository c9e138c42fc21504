package vn.danvan.deployment;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.persistence.deploy.Deployer;
import org.camunda.bpm.engine.impl.persistence.entity.DeploymentEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ResourceEntity;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reviews every new deployment before any of it runs, and refuses the whole deployment when one
 * resource breaks a rule of {@link ModelReview}. Installed as the engine's first deployer (a custom
 * pre-deployer), it sees every way in alike: {@code /engine-rest/deployment/create} (Camunda
 * Modeler), the webapps' {@code /camunda/api/engine/…/deployment/create}, the startup deployment of
 * {@code bpmn/} and {@code forms/}, and any Java call of {@code RepositoryService#createDeployment}.
 * It runs inside {@code DeployCmd} before the BPMN deployer parses the diagrams and schedules timer
 * start events (whose {@code timeDate} the engine evaluates at deploy time), and throws before the
 * transaction commits, so a refused deployment leaves nothing behind.
 *
 * <p>Deployers are Camunda's internal API ({@code impl.persistence.deploy}); this is the one hook
 * that sees a deployment's resources before anything of them is evaluated, on every path. Only new
 * deployments are reviewed: the engine also calls deployers to rebuild its cache from deployments
 * already in the database, which passed the review (or predate it: for those the runtime sandbox,
 * {@link SandboxElResolver}, still holds).
 */
final class DeploymentGuard implements Deployer {

  private static final Logger LOG = LoggerFactory.getLogger(DeploymentGuard.class);

  /** Set only by {@link #unreviewed}: a test installs a model the guard would refuse. */
  private static final ThreadLocal<Boolean> SKIP_REVIEW = ThreadLocal.withInitial(() -> false);

  private final Supplier<ModelReview> review;
  private final DeploymentAudit audit;
  private final Consumer<DeploymentsChanged> accepted;

  DeploymentGuard(Supplier<ModelReview> review, DeploymentAudit audit, Consumer<DeploymentsChanged> accepted) {
    this.review = review;
    this.audit = audit;
    this.accepted = accepted;
  }

  @Override
  public void deploy(DeploymentEntity deployment) {
    if (!deployment.isNew()) {
      return;
    }
    String user = Context.getCommandContext().getAuthenticatedUserId();
    // Sorted, so that the refusal and the audit rows do not depend on the upload's order.
    Map<String, ResourceEntity> resources = new TreeMap<>(deployment.getResources());
    if (!SKIP_REVIEW.get()) {
      List<ModelReview.Finding> findings = new ArrayList<>();
      ModelReview rules = review.get();
      resources.values().forEach(r -> findings.addAll(rules.review(r.getName(), r.getBytes())));
      if (!findings.isEmpty()) {
        // Resource and element names and the rule: never the content of a case.
        findings.forEach(f -> LOG.warn("Deployment refused: user={}, resource={}, element={}, attribute={}, reason={}",
            user, f.resource(), f.elementId(), f.attribute(), f.reason()));
        String more = findings.size() > 1 ? " (and " + (findings.size() - 1) + " more finding(s), see the log)" : "";
        throw new DeploymentRefusedException("Deployment refused, nothing was deployed: "
            + findings.get(0).message() + more);
      }
    } else {
      LOG.warn("Deployment {} installed without review (test hook)", deployment.getName());
    }
    resources.values().forEach(r -> audit.accepted(deployment.getId(), deployment.getName(),
        deployment.getTenantId(), user, r.getName(), r.getBytes()));
    LOG.info("Deployment {} ({}) accepted: user={}, resources={}", deployment.getId(), deployment.getName(), user,
        resources.keySet());
    accepted.accept(DeploymentsChanged.deployed(resources.keySet()));
  }

  /**
   * Runs a deployment without review, as one made before the guard existed: for tests of the
   * runtime sandbox only. Package-private, so that no code outside this package can reach it.
   */
  static <T> T unreviewed(Supplier<T> deployment) {
    SKIP_REVIEW.set(true);
    try {
      return deployment.get();
    } finally {
      SKIP_REVIEW.remove();
    }
  }
}
