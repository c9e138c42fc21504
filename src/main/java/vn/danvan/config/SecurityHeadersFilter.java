package vn.danvan.config;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Security headers on every answer, set before anything else runs so that refusals (401, 429) carry
 * them too: no framing ({@code X-Frame-Options: DENY}, CSP {@code frame-ancestors 'none'}), no MIME
 * sniffing, no referrer. The Content-Security-Policy depends on what is served:
 * <ul>
 *   <li>the public pages (static files): scripts, styles and requests from this origin only, no inline
 *       code (the pages keep theirs in files);</li>
 *   <li>{@code /api}, {@code /engine-rest} and the API description: JSON and PDFs that load nothing;</li>
 *   <li>the Camunda webapps: Camunda's own policy ({@code camunda.bpm.webapp.header-security.*}, with a
 *       nonce for its scripts), which this filter leaves alone.</li>
 * </ul>
 */
class SecurityHeadersFilter extends OncePerRequestFilter {

  static final String PAGE_POLICY = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
      + "connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";
  static final String API_POLICY = "default-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

  private final String webappPath;

  SecurityHeadersFilter(String webappPath) {
    this.webappPath = webappPath.endsWith("/") ? webappPath : webappPath + "/";
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String path = request.getRequestURI().substring(request.getContextPath().length());
    response.setHeader("X-Frame-Options", "DENY");
    response.setHeader("X-Content-Type-Options", "nosniff");
    response.setHeader("Referrer-Policy", "no-referrer");
    if (!path.startsWith(webappPath)) {
      boolean api = path.startsWith("/api/") || path.startsWith("/engine-rest/") || path.startsWith("/v3/api-docs");
      response.setHeader("Content-Security-Policy", api ? API_POLICY : PAGE_POLICY);
    }
    chain.doFilter(request, response);
  }
}
