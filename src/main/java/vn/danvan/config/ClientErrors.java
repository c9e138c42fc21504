package vn.danvan.config;

import jakarta.ws.rs.core.Response;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.exception.NotFoundException;
import org.camunda.bpm.engine.exception.NullValueException;
import org.camunda.bpm.engine.rest.exception.RestException;

/**
 * Which engine exceptions mean "not found among the cases of your units": an id that names nothing,
 * or a case of another unit (the engine's tenant check). Both are answered alike (404) and are the
 * client's doing, not the server's.
 */
final class ClientErrors {

  static final String TENANT_CHECK_CODE = "ENGINE-13034";
  /** How the engine's commands say that an id names nothing ("Cannot find task with id …", "task … doesn't exist"). */
  private static final Pattern NOT_FOUND = Pattern.compile("^(?:Cannot find |No matching |No \\w+ found)|\\bdoesn't exist\\b");

  private ClientErrors() {}

  /** True if this exception (not its causes) says that something is not found or belongs to another unit. */
  static boolean isNotFound(Throwable exception) {
    String message = exception.getMessage();
    if (message != null && message.contains(TENANT_CHECK_CODE) || exception instanceof NotFoundException) {
      return true;
    }
    boolean mayMeanNotFound = exception instanceof NullValueException || exception instanceof BadUserRequestException
        || exception instanceof RestException rest && rest.getStatus() == Response.Status.NOT_FOUND;
    return mayMeanNotFound && message != null && NOT_FOUND.matcher(message).find();
  }

  /** True if the exception or one of its causes says so. */
  static boolean isNotFoundInChain(Throwable exception) {
    return DatabaseErrorText.chain(exception).stream().anyMatch(ClientErrors::isNotFound);
  }
}
