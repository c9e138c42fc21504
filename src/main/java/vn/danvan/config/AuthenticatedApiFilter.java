package vn.danvan.config;

import jakarta.servlet.http.HttpServletRequest;
import java.util.function.Predicate;
import org.springframework.web.filter.OncePerRequestFilter;

/** A filter of the authenticated API ({@code /engine-rest}, {@code /api}) that leaves the public paths alone. */
abstract class AuthenticatedApiFilter extends OncePerRequestFilter {

  private final Predicate<String> isPublicPath;

  AuthenticatedApiFilter(Predicate<String> isPublicPath) {
    this.isPublicPath = isPublicPath;
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    return isPublicPath.test(pathOf(request));
  }

  /** The request's path within the application ({@code /api/…}, {@code /engine-rest/…}). */
  static String pathOf(HttpServletRequest request) {
    return request.getRequestURI().substring(request.getContextPath().length());
  }
}
