package vn.danvan.dossier;

import org.camunda.bpm.engine.ProcessEngineException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import vn.danvan.config.ApiError;
import vn.danvan.contract.ContractViolation;
import vn.danvan.contract.StartRefused;

/**
 * JSON answers of the dossier controllers for what {@code ApiExceptionHandler} does not cover:
 * refusals with their status, unreadable bodies (400), and failures of the engine transaction
 * (500, logged without the request's personal data).
 */
@RestControllerAdvice(assignableTypes = {DossierController.class, PublicDossierController.class,
    DossierPanelController.class})
class DossierApiErrors {

  private static final Logger log = LoggerFactory.getLogger(DossierApiErrors.class);

  @ExceptionHandler(DossierApiException.class)
  ResponseEntity<ApiError> refused(DossierApiException e) {
    return json(e.status(), ApiError.of(e.getMessage()));
  }

  @ExceptionHandler(HttpMessageNotReadableException.class)
  ResponseEntity<ApiError> unreadable(HttpMessageNotReadableException e) {
    return json(HttpStatus.BAD_REQUEST, ApiError.of("The request body is not valid JSON for this request"));
  }

  /** A start refused by the dossier's start contract or form (the engine rolled it back). */
  @ExceptionHandler(StartRefused.class)
  ResponseEntity<ApiError> startRefused(StartRefused e) {
    return json(HttpStatus.FORBIDDEN, ApiError.of(e.getMessage()));
  }

  @ExceptionHandler({ProcessEngineException.class, IllegalStateException.class, DataAccessException.class})
  ResponseEntity<ApiError> failure(RuntimeException e) {
    ContractViolation violation = ContractViolation.in(e);
    if (violation != null) {
      return json(HttpStatus.BAD_REQUEST, new ApiError(violation.getMessage(), violation.field()));
    }
    // messages may quote variables (names, ID numbers): the stack trace only at debug level
    log.error("Dossier step failed and was rolled back: {}", e.getClass().getName());
    log.debug("Dossier step failure", e);
    return json(HttpStatus.INTERNAL_SERVER_ERROR, ApiError.of("The dossier step failed; nothing was recorded"));
  }

  private static ResponseEntity<ApiError> json(HttpStatus status, ApiError body) {
    return ResponseEntity.status(status).contentType(MediaType.APPLICATION_JSON).body(body);
  }
}
