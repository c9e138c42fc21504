package vn.danvan.config;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.springframework.http.MediaType;

/**
 * Writes a refusal from a servlet filter (where Spring MVC's error handling does not reach) the way
 * every error of our API looks: a status and a JSON body, UTF-8; with {@code Retry-After} in seconds
 * for a client that must wait (rate limits, login throttling).
 */
public final class JsonAnswer {

  private static final ObjectMapper JSON = new ObjectMapper();

  private JsonAnswer() {}

  public static void write(HttpServletResponse response, int status, Object body) throws IOException {
    response.setStatus(status);
    response.setContentType(MediaType.APPLICATION_JSON_VALUE);
    response.setCharacterEncoding(StandardCharsets.UTF_8.name());
    JSON.writeValue(response.getOutputStream(), body);
  }

  /** 429 Too Many Requests with {@code Retry-After}. */
  public static void retryLater(HttpServletResponse response, long retryAfterSeconds, Object body) throws IOException {
    response.setHeader("Retry-After", Long.toString(retryAfterSeconds));
    write(response, 429, body);
  }
}
