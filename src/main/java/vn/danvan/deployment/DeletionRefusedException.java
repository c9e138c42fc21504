package vn.danvan.deployment;

import jakarta.ws.rs.core.Response;
import org.camunda.bpm.engine.rest.exception.RestException;

/**
 * A deletion that would destroy cases, refused by {@link CascadeDeletionGuard}. It is a
 * {@link RestException} with status 409 because that is the one exception type whose status both
 * REST mounts (/engine-rest and the webapps' /camunda/api/engine, used by Cockpit) answer as given,
 * with a JSON body carrying the message; a plain engine exception would be a 500 there. For a Java
 * caller it is an unchecked exception with the same message.
 */
public class DeletionRefusedException extends RestException {

  DeletionRefusedException(String message) {
    super(Response.Status.CONFLICT, message);
  }
}
