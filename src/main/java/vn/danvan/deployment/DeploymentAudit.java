package vn.danvan.deployment;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HexFormat;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Records each accepted deployment in {@code dv_deployment_audit}: who, when, which deployment, and
 * every resource with its SHA-256. Camunda's user-operation log keeps who deployed but not what, and
 * nothing at all for a deployment without an authenticated user (startup). The row is written in the
 * deployment's own transaction (the engine runs inside Spring's), so it exists exactly when the
 * deployment does.
 */
final class DeploymentAudit {

  private final JdbcTemplate jdbc;

  DeploymentAudit(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  void accepted(String deploymentId, String deploymentName, String tenantId, String user, String resource,
      byte[] content) {
    jdbc.update("INSERT INTO dv_deployment_audit (deployment_id, deployment_name, tenant_id, deployed_by, "
            + "deployed_at, resource_name, sha256) VALUES (?, ?, ?, ?, ?, ?, ?)",
        deploymentId, deploymentName, tenantId, user, Timestamp.from(Instant.now()), resource, sha256(content));
  }

  static String sha256(byte[] content) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JRE", e);
    }
  }
}
