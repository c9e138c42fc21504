package vn.danvan.config;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import org.camunda.bpm.webapp.impl.security.auth.Authentication;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.camunda.bpm.webapp.impl.security.auth.Authentications;
import org.camunda.bpm.webapp.impl.security.filter.util.CsrfConstants;

/**
 * What a Camunda webapp login (Tasklist, Cockpit) left in the HTTP session: the user id and the
 * session's CSRF token. Camunda has no public API for either, so this is the one class that reads
 * its webapp implementation classes ({@code AuthenticationUtil}, {@code CsrfConstants}); on a
 * Camunda upgrade, only this class needs checking.
 */
final class WebappSession {

  private WebappSession() {}

  /** The id of the user logged into the webapps on engine {@code engine}, or null. Creates no session. */
  static String userId(HttpServletRequest request, String engine) {
    HttpSession session = request.getSession(false);
    if (session == null) {
      return null;
    }
    Authentications authentications = AuthenticationUtil.getAuthsFromSession(session);
    Authentication authentication = authentications == null ? null
        : authentications.getAuthenticationForProcessEngine(engine);
    return authentication == null ? null : authentication.getIdentityId();
  }

  /** A method Camunda's CSRF filter protects: anything but GET, HEAD and OPTIONS. */
  static boolean isModifying(String method) {
    return !CsrfConstants.CSRF_NON_MODIFYING_METHODS_PATTERN.matcher(method).matches();
  }

  /**
   * Whether the request carries the session's CSRF token in {@code X-XSRF-TOKEN}, as Camunda's own
   * CSRF filter demands of the webapps' API. Compared in constant time.
   */
  static boolean carriesCsrfToken(HttpServletRequest request) {
    HttpSession session = request.getSession(false);
    String header = request.getHeader(CsrfConstants.CSRF_TOKEN_HEADER_NAME);
    if (session == null || header == null) {
      return false;
    }
    Object expected = session.getAttribute(CsrfConstants.CSRF_TOKEN_SESSION_ATTR_NAME);
    return expected instanceof String token && !token.isEmpty()
        && MessageDigest.isEqual(token.getBytes(StandardCharsets.UTF_8), header.getBytes(StandardCharsets.UTF_8));
  }
}
