package vn.danvan.config;

import com.fasterxml.jackson.annotation.JsonInclude;

/** The JSON body of every 4xx answer of our own API: what went wrong and, where known, which field. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ApiError(String error, String field) {

  public static ApiError of(String error) {
    return new ApiError(error, null);
  }
}
