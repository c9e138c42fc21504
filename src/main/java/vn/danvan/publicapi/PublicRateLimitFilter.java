package vn.danvan.publicapi;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.util.OptionalLong;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.filter.OncePerRequestFilter;
import vn.danvan.config.ApiError;
import vn.danvan.config.JsonAnswer;

/**
 * Rate-limits one family of public endpoints per client address: over the limit the answer is 429
 * with a {@code Retry-After} header and a JSON body. The one mechanism for every endpoint that
 * answers without login; each family has its own budget ({@link Registration}), one budget for the
 * whole cluster ({@link PublicRateLimiter}). The address is the connection's ({@code getRemoteAddr()}):
 * behind the reverse proxy, the client's address from {@code X-Forwarded-For}, which Tomcat takes
 * only from the proxies listed in {@code server.tomcat.remoteip.internal-proxies}.
 */
class PublicRateLimitFilter extends OncePerRequestFilter {

  private final PublicRateLimiter limiter;

  PublicRateLimitFilter(PublicRateLimiter limiter) {
    this.limiter = limiter;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    OptionalLong retryAfter = limiter.acquire(request.getRemoteAddr());
    if (retryAfter.isEmpty()) {
      chain.doFilter(request, response);
      return;
    }
    JsonAnswer.retryLater(response, retryAfter.getAsLong(),
        ApiError.of("Too many requests: try again in " + retryAfter.getAsLong() + " seconds"));
  }

  /**
   * The public endpoint families and their budgets. A new public endpoint joins a family here (or
   * gets one of its own), never goes unlimited.
   */
  @Configuration
  static class Registration {

    /** Dossier lookups and ratings. */
    static final String DOSSIER_PATHS = "/api/public/*";
    /** Signature verification (uploads of up to 20 MB, parsed and checked cryptographically). */
    static final String VERIFY_PATHS = "/api/signatures/verify";

    @Bean
    FilterRegistrationBean<PublicRateLimitFilter> publicRateLimitFilter(PublicRateLimitProperties properties,
        JdbcTemplate jdbc) {
      return family("danvanPublicRateLimit", new PublicRateLimiter("public", properties.perMinute(), Clock.systemUTC(),
          jdbc), DOSSIER_PATHS);
    }

    @Bean
    FilterRegistrationBean<PublicRateLimitFilter> verifyRateLimitFilter(PublicRateLimitProperties properties,
        JdbcTemplate jdbc) {
      return family("danvanVerifyRateLimit", new PublicRateLimiter("verify", properties.verifyPerMinute(),
          Clock.systemUTC(), jdbc), VERIFY_PATHS);
    }

    private static FilterRegistrationBean<PublicRateLimitFilter> family(String name, PublicRateLimiter limiter,
        String... paths) {
      var registration = new FilterRegistrationBean<>(new PublicRateLimitFilter(limiter));
      registration.addUrlPatterns(paths);
      registration.setName(name);
      // before security and multipart parsing: a refused upload is not read into memory
      registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 20);
      return registration;
    }
  }
}
