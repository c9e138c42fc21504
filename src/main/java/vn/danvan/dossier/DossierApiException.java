package vn.danvan.dossier;

import org.springframework.http.HttpStatus;

/**
 * A dossier request refused with a 4xx status other than 400: not found (or not the caller's to
 * see), forbidden, or in conflict with the dossier's state. {@link DossierApiErrors} answers it as
 * JSON.
 */
class DossierApiException extends RuntimeException {

  private final HttpStatus status;

  DossierApiException(HttpStatus status, String message) {
    super(message, null, false, false);
    this.status = status;
  }

  static DossierApiException notFound() {
    return new DossierApiException(HttpStatus.NOT_FOUND, "Dossier not found");
  }

  static DossierApiException forbidden(String message) {
    return new DossierApiException(HttpStatus.FORBIDDEN, message);
  }

  static DossierApiException conflict(String message) {
    return new DossierApiException(HttpStatus.CONFLICT, message);
  }

  HttpStatus status() {
    return status;
  }
}
