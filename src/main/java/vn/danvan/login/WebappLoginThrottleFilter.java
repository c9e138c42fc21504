package vn.danvan.login;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;
import org.springframework.web.filter.OncePerRequestFilter;
import vn.danvan.config.CachedBodyRequest;

/**
 * Puts the webapps' login ({@code POST <webapp>/api/admin/auth/user/{engine}/login/{app}}, handled by
 * Camunda's {@code UserAuthenticationResource}) behind the {@link LoginThrottle}: a throttled attempt
 * gets 429 before Camunda checks the password; a 401 from Camunda counts as a failure.
 *
 * <p>The form body is read here for the user name and handed on unchanged, so that Camunda's JAX-RS
 * resource still reads its form parameters from the body.
 */
class WebappLoginThrottleFilter extends OncePerRequestFilter {

  /** A login form is two short fields; anything larger is not a login. */
  static final int MAX_FORM_BYTES = 8 * 1024;
  private static final Pattern LOGIN_PATH = Pattern.compile("/[^/]+/login/[^/]+/?");

  private final LoginThrottle throttle;
  private final String authPrefix;

  WebappLoginThrottleFilter(LoginThrottle throttle, String authPrefix) {
    this.throttle = throttle;
    this.authPrefix = authPrefix;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String path = request.getRequestURI().substring(request.getContextPath().length());
    if (!"POST".equals(request.getMethod()) || !path.startsWith(authPrefix)
        || !LOGIN_PATH.matcher(path.substring(authPrefix.length())).matches()) {
      chain.doFilter(request, response);
      return;
    }
    byte[] body = request.getInputStream().readNBytes(MAX_FORM_BYTES + 1);
    if (body.length > MAX_FORM_BYTES) {
      response.sendError(HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE);
      return;
    }
    try (LoginThrottle.Attempt attempt = throttle.attempt(request.getRemoteAddr(), userName(body))) {
      if (attempt.refused()) {
        throttle.refuseLoginPage(response, attempt.retryAfterSeconds());
        return;
      }
      chain.doFilter(new CachedBodyRequest(request, body), response);
      // Camunda answers 401 for a wrong password or an unknown user. A 403 (no CSRF token, or a valid
      // user without the app) counts as neither: it must not clear the user's failures.
      if (response.getStatus() == HttpServletResponse.SC_UNAUTHORIZED) {
        attempt.failed();
      } else if (response.getStatus() < 300) {
        attempt.succeeded();
      }
    }
  }

  /** The {@code username} field of a form body, or null. */
  static String userName(byte[] body) {
    for (String pair : new String(body, StandardCharsets.UTF_8).split("&")) {
      int equals = pair.indexOf('=');
      if (equals > 0 && "username".equals(pair.substring(0, equals))) {
        try {
          return URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException malformed) {
          return pair.substring(equals + 1);
        }
      }
    }
    return null;
  }
}
