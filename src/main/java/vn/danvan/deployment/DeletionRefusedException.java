package vn.danvan.deployment;

import jakarta.ws.rs.core.Response;
import org.camunda.bpm.engine.rest.exception.RestException;

/**
 * A deletion refused by {@link CascadeDeletionGuard}: 403 when the caller is not an administrator,
 * 409 when it would destroy cases. It is a {@link RestException} with its status because that is the one exception type whose status both
 * REST mounts (/engine-rest and the webapps' /camunda/api/engine, used by Cockpit) answer as given,
 * with a JSON body carrying the message; a plain engine exception would be a 500 there. For a Java
 * caller it is an unchecked exception with the same message.
 */
public class DeletionRefusedException extends RestException {

  DeletionRefusedException(Response.Status status, String message) {
    super(status, message);
  }
}
