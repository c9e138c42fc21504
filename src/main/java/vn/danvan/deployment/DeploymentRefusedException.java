package vn.danvan.deployment;

import org.camunda.bpm.engine.BadUserRequestException;

/**
 * A deployment broke a rule of the {@link DeploymentGuard}. A {@link BadUserRequestException}, so
 * that both REST mounts (/engine-rest and the webapps' /camunda/api/engine) answer 400 with the
 * message, which names the resource, the element and the attribute.
 */
public class DeploymentRefusedException extends BadUserRequestException {

  DeploymentRefusedException(String message) {
    super(message);
  }
}
