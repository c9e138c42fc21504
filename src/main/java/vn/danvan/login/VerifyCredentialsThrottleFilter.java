package vn.danvan.login;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;
import vn.danvan.config.CachedBodyRequest;

/**
 * Puts Camunda's credential check ({@code POST /identity/verify} of the engine REST API, on
 * {@code /engine-rest} and on the webapps' engine API) behind the {@link LoginThrottle}: it checks any
 * user's password for any authenticated caller, so without this it would be a password oracle that
 * no throttle covers. Counted like a login of the named user from the caller's address; the answer's
 * {@code authenticated} flag says whether it failed.
 */
class VerifyCredentialsThrottleFilter extends OncePerRequestFilter {

  private final LoginThrottle throttle;
  private final ObjectMapper json = new ObjectMapper();

  VerifyCredentialsThrottleFilter(LoginThrottle throttle) {
    this.throttle = throttle;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    if (!"POST".equals(request.getMethod()) || !request.getRequestURI().endsWith("/identity/verify")) {
      chain.doFilter(request, response);
      return;
    }
    byte[] body = request.getInputStream().readNBytes(WebappLoginThrottleFilter.MAX_FORM_BYTES + 1);
    if (body.length > WebappLoginThrottleFilter.MAX_FORM_BYTES) {
      response.sendError(HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE);
      return;
    }
    try (LoginThrottle.Attempt attempt = throttle.attempt(request.getRemoteAddr(), userName(body))) {
      if (attempt.refused()) {
        throttle.refuse(response, attempt.retryAfterSeconds());
        return;
      }
      ContentCachingResponseWrapper answer = new ContentCachingResponseWrapper(response);
      chain.doFilter(new CachedBodyRequest(request, body), answer);
      Boolean authenticated = authenticated(answer.getContentAsByteArray());
      if (Boolean.TRUE.equals(authenticated)) {
        attempt.succeeded();
      } else if (Boolean.FALSE.equals(authenticated)) {
        attempt.failed();
      }
      answer.copyBodyToResponse();
    }
  }

  private String userName(byte[] body) {
    try {
      JsonNode username = json.readTree(body).path("username");
      return username.isTextual() ? username.asText() : null;
    } catch (IOException malformed) {
      return null;
    }
  }

  private Boolean authenticated(byte[] answer) {
    try {
      JsonNode flag = json.readTree(answer).path("authenticated");
      return flag.isBoolean() ? flag.asBoolean() : null;
    } catch (IOException notJson) {
      return null;
    }
  }
}
