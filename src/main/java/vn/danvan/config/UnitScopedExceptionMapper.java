package vn.danvan.config;

import jakarta.annotation.Priority;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import java.sql.SQLException;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.rest.exception.RestException;
import org.camunda.bpm.engine.rest.dto.ExceptionDto;
import org.camunda.bpm.engine.rest.exception.ExceptionHandlerHelper;
import vn.danvan.contract.ContractViolation;

/**
 * Gives the engine REST API proper statuses where Camunda answers 500: touching a case of a unit
 * the caller does not belong to (the engine's tenant check, ENGINE-13034) is a 404, as reading it
 * is; a bad request raised inside a command (such as an unknown unit) stays a 400 even when the
 * REST layer wraps it. Whatever is not found answers the same 404 as what belongs to another unit,
 * so that the answer never tells whether it exists. A value the database refuses (too long, malformed:
 * SQLState class 22) is the client's error, 400, without echoing the value. Everything else is left
 * to Camunda's own mapping. A refusal by a form or start contract names its field.
 */
abstract class UnitScopedExceptionMapper<E extends RuntimeException> implements ExceptionMapper<E> {

  @Override
  public Response toResponse(E exception) {
    for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
      if (ClientErrors.isNotFound(cause)) {
        return notFound();
      }
      if (cause instanceof SQLException sql && sql.getSQLState() != null && sql.getSQLState().startsWith("22")) {
        return answer(Response.Status.BAD_REQUEST, "InvalidValue",
            "A value is too long or not valid for its field (SQLState " + sql.getSQLState() + ")");
      }
      if (cause instanceof ContractViolation violation) {
        return Response.status(Response.Status.BAD_REQUEST).type(MediaType.APPLICATION_JSON_TYPE)
            .entity(violation.answer()).build();
      }
      if (cause instanceof BadUserRequestException bad) {
        return answer(Response.Status.BAD_REQUEST, BadUserRequestException.class.getSimpleName(), bad.getMessage());
      }
    }
    Response response = ExceptionHandlerHelper.getInstance().getResponse(exception);
    return response.getStatus() == Response.Status.NOT_FOUND.getStatusCode() ? notFound() : response;
  }

  private static Response notFound() {
    return answer(Response.Status.NOT_FOUND, "NotFound", "Not found among the cases of your units");
  }

  /** Jersey picks the mapper of the closest exception type, so each of Camunda's types gets one. */
  @Priority(1000)
  static class ForEngineExceptions extends UnitScopedExceptionMapper<ProcessEngineException> {}

  @Priority(1000)
  static class ForRestExceptions extends UnitScopedExceptionMapper<RestException> {}

  private static Response answer(Response.Status status, String type, String message) {
    ExceptionDto dto = new ExceptionDto();
    dto.setType(type);
    dto.setMessage(message);
    return Response.status(status).entity(dto).type(MediaType.APPLICATION_JSON_TYPE).build();
  }
}
