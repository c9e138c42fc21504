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
import vn.danvan.login.LoginThrottle;

/**
 * HTTP Basic authentication against Camunda's identity service for {@code /engine-rest} and our
 * {@code /api}. Like Camunda Run's filter it sets the engine authentication (user, groups, tenants)
 * for the request so that authorization and tenant checks apply; unlike it, a refused request gets
 * a JSON body, as every error of our API does. Every password check goes through the
 * {@link LoginThrottle}: a throttled client or user gets 429 before the password is checked.
 *
 * <p>Our {@code /api} (not {@code /engine-rest}) also accepts the session of a Camunda webapp login,
 * so that the Tasklist plugin calls it as the logged-in official: the user comes from the session
 * (their groups and units are read afresh from the identity service on every request, so a removed
 * membership counts at once), and a changing request (anything but GET, HEAD, OPTIONS) must carry
 * the session's CSRF token in {@code X-XSRF-TOKEN}, exactly as Camunda's own webapp API demands,
 * else 403. A request with an {@code Authorization} header is judged by that header alone.
 *
 * <p>A Basic login accepted within the last {@code danvan.performance.identity-cache} is not checked
 * again ({@link RecentLogins}): an API client's next requests skip the password check and the group
 * and tenant queries, until an identity write on this node. The throttle still counts every
 * request's attempt.
 */
public class BasicAuthenticationFilter extends AuthenticatedApiFilter {

  static final String REALM = "danvan";
  /** The one process engine of this application, whose webapp login counts for {@code /api}. */
  static final String ENGINE = "default";

  private final IdentityService identityService;
  private final LoginThrottle throttle;
  private final RecentLogins recentLogins;

  BasicAuthenticationFilter(IdentityService identityService, Predicate<String> isPublicPath, LoginThrottle throttle,
      RecentLogins recentLogins) {
    super(isPublicPath);
    this.identityService = identityService;
    this.throttle = throttle;
    this.recentLogins = recentLogins;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String path = pathOf(request);
    String header = request.getHeader("Authorization");
    if (header == null && path.startsWith("/api/")) {
      String sessionUser = WebappSession.userId(request, ENGINE);
      if (sessionUser != null) {
        asSessionUser(sessionUser, request, response, chain);
        return;
      }
    }
    Credentials credentials = credentials(header);
    if (credentials == null) {
      if (header == null && request.getHeader("X-XSRF-TOKEN") != null) {
        // a webapp's script whose session ended: no Basic challenge, else the browser pops up its password dialog
        JsonAnswer.write(response, HttpServletResponse.SC_UNAUTHORIZED,
            ApiError.of("Authentication required: the webapp session has ended, log in again"));
        return;
      }
      refuse(response);
      return;
    }
    String userId = credentials.userId();
    RecentLogins.Identity known;
    try (LoginThrottle.Attempt attempt = throttle.attempt(request.getRemoteAddr(), userId)) {
      if (attempt.refused()) {
        throttle.refuse(response, attempt.retryAfterSeconds());
        return;
      }
      known = recentLogins.find(userId, credentials.password()).orElse(null);
      if (known == null) {
        long checkedAt = recentLogins.generation();
        if (!identityService.checkPassword(userId, credentials.password())) {
          attempt.failed();
          refuse(response);
          return;
        }
        known = identityOf(userId);
        recentLogins.remember(credentials.password(), known, checkedAt);
      }
      attempt.succeeded();
    }
    runAs(known, request, response, chain);
  }

  /** A webapp session's user: refused if gone from the identity service, or without the CSRF token when changing. */
  private void asSessionUser(String userId, HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    if (identityService.createUserQuery().userId(userId).count() != 1) {
      refuse(response);
      return;
    }
    if (WebappSession.isModifying(request.getMethod()) && !WebappSession.carriesCsrfToken(request)) {
      JsonAnswer.write(response, HttpServletResponse.SC_FORBIDDEN,
          ApiError.of("CSRF token missing or wrong: send the session's token in X-XSRF-TOKEN"));
      return;
    }
    runAs(identityOf(userId), request, response, chain);
  }

  private RecentLogins.Identity identityOf(String userId) {
    List<String> groups = identityService.createGroupQuery().groupMember(userId).list().stream().map(Group::getId).toList();
    List<String> tenants = identityService.createTenantQuery().userMember(userId).includingGroupsOfUser(true).list()
        .stream().map(Tenant::getId).toList();
    return new RecentLogins.Identity(userId, groups, tenants);
  }

  private void runAs(RecentLogins.Identity user, HttpServletRequest request, HttpServletResponse response,
      FilterChain chain) throws ServletException, IOException {
    identityService.setAuthentication(user.userId(), user.groups(), user.tenants());
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
