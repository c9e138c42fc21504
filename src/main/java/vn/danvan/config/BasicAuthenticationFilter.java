package vn.danvan.config;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.function.Predicate;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.Tenant;
import org.springframework.web.filter.OncePerRequestFilter;
import vn.danvan.login.LoginThrottle;

/**
 * HTTP Basic authentication against Camunda's identity service for {@code /engine-rest} and our
 * {@code /api}. Like Camunda Run's filter it sets the engine authentication (user, groups, tenants)
 * for the request so that authorization and tenant checks apply; unlike it, a refused request gets
 * a JSON body, as every error of our API does. Every password check goes through the
 * {@link LoginThrottle}: a throttled client or user gets 429 before the password is checked.
 */
public class BasicAuthenticationFilter extends OncePerRequestFilter {

  static final String REALM = "danvan";

  private final IdentityService identityService;
  private final Predicate<String> isPublicPath;
  private final LoginThrottle throttle;

  public BasicAuthenticationFilter(IdentityService identityService, Predicate<String> isPublicPath, LoginThrottle throttle) {
    this.identityService = identityService;
    this.isPublicPath = isPublicPath;
    this.throttle = throttle;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String path = request.getRequestURI().substring(request.getContextPath().length());
    if (isPublicPath.test(path)) {
      chain.doFilter(request, response);
      return;
    }
    Credentials credentials = credentials(request.getHeader("Authorization"));
    if (credentials == null) {
      refuse(response);
      return;
    }
    String userId = credentials.userId();
    try (LoginThrottle.Attempt attempt = throttle.attempt(request.getRemoteAddr(), userId)) {
      if (attempt.refused()) {
        throttle.refuse(response, attempt.retryAfterSeconds());
        return;
      }
      if (!identityService.checkPassword(userId, credentials.password())) {
        attempt.failed();
        refuse(response);
        return;
      }
      attempt.succeeded();
    }
    List<String> groups = identityService.createGroupQuery().groupMember(userId).list().stream().map(Group::getId).toList();
    List<String> tenants = identityService.createTenantQuery().userMember(userId).includingGroupsOfUser(true).list()
        .stream().map(Tenant::getId).toList();
    identityService.setAuthentication(userId, groups, tenants);
    try {
      chain.doFilter(request, response);
    } finally {
      identityService.clearAuthentication();
    }
  }

  private record Credentials(String userId, String password) {}

  /** User id and password of a well-formed Basic header, otherwise null. */
  private static Credentials credentials(String header) {
    if (header == null || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
      return null;
    }
    String decoded;
    try {
      decoded = new String(Base64.getDecoder().decode(header.substring(6).trim()), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return null;
    }
    int colon = decoded.indexOf(':');
    if (colon <= 0) {
      return null;
    }
    return new Credentials(decoded.substring(0, colon), decoded.substring(colon + 1));
  }

  private void refuse(HttpServletResponse response) throws IOException {
    response.setHeader("WWW-Authenticate", "Basic realm=\"" + REALM + "\"");
    JsonAnswer.write(response, HttpServletResponse.SC_UNAUTHORIZED,
        ApiError.of("Authentication required: send HTTP Basic credentials"));
  }
}
