package vn.danvan.config;

import org.springframework.boot.autoconfigure.web.servlet.MultipartProperties;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.multipart.support.MissingServletRequestPartException;

/**
 * Turns refused uploads into {@link ApiError} answers: too large (413, with the limit), not a
 * multipart request or a missing part (400). Not limited to our packages like
 * {@link ApiExceptionHandler}: the multipart body is parsed before a controller is chosen, so no
 * controller is known when the size limit strikes.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class UploadExceptionHandler {

  private final MultipartProperties multipart;

  UploadExceptionHandler(MultipartProperties multipart) {
    this.multipart = multipart;
  }

  @ExceptionHandler(MaxUploadSizeExceededException.class)
  @ResponseStatus(HttpStatus.PAYLOAD_TOO_LARGE)
  ApiError tooLarge(MaxUploadSizeExceededException e) {
    return ApiError.of("The upload is larger than the limit of " + multipart.getMaxFileSize().toMegabytes() + " MB");
  }

  @ExceptionHandler(MissingServletRequestPartException.class)
  @ResponseStatus(HttpStatus.BAD_REQUEST)
  ApiError missingPart(MissingServletRequestPartException e) {
    return new ApiError("Missing required file '" + e.getRequestPartName() + "'", e.getRequestPartName());
  }

  @ExceptionHandler(MultipartException.class)
  @ResponseStatus(HttpStatus.BAD_REQUEST)
  ApiError notMultipart(MultipartException e) {
    return ApiError.of("Expected a multipart/form-data upload");
  }
}
