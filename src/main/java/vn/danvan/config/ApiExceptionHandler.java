package vn.danvan.config;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/**
 * Turns bad requests to our own API ({@code vn.danvan} controllers, not Camunda's REST API) into
 * 400 (or 422) answers with an {@link ApiError} body naming the parameter at fault. Refused uploads:
 * {@link UploadExceptionHandler}.
 */
@RestControllerAdvice(basePackages = "vn.danvan")
public class ApiExceptionHandler {

  @ExceptionHandler(BadRequestException.class)
  @ResponseStatus(HttpStatus.BAD_REQUEST)
  ApiError badRequest(BadRequestException e) {
    return new ApiError(e.getMessage(), e.field());
  }

  @ExceptionHandler(UnprocessableException.class)
  @ResponseStatus(HttpStatus.UNPROCESSABLE_ENTITY)
  ApiError unprocessable(UnprocessableException e) {
    return new ApiError(e.getMessage(), e.field());
  }

  @ExceptionHandler(MissingServletRequestParameterException.class)
  @ResponseStatus(HttpStatus.BAD_REQUEST)
  ApiError missingParameter(MissingServletRequestParameterException e) {
    return new ApiError("Missing required parameter '" + e.getParameterName() + "'", e.getParameterName());
  }

  @ExceptionHandler(MethodArgumentTypeMismatchException.class)
  @ResponseStatus(HttpStatus.BAD_REQUEST)
  ApiError typeMismatch(MethodArgumentTypeMismatchException e) {
    String expected = e.getRequiredType() == null ? "another type" : e.getRequiredType().getSimpleName();
    return new ApiError("Invalid value '" + e.getValue() + "' for parameter '" + e.getName() + "', expected " + expected, e.getName());
  }
}
