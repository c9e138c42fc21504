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
import org.springframework.web.filter.OncePerRequestFilter;
import vn.danvan.config.ApiError;
import vn.danvan.config.JsonAnswer;

/**
 * Rate-limits one family of public endpoints per client address: over the limit the answer is 429
 * with a {@code Retry-After} header and a JSON body. The one mechanism for every endpoint that
 * answers without login; each family has its own budget ({@link Registration}). The address is the
 * connection's ({@code getRemoteAddr()}); {@code X-Forwarded-For} counts only where the server is
 * configured to trust a proxy ({@code server.forward-headers-strategy}).
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
    FilterRegistrationBean<PublicRateLimitFilter> publicRateLimitFilter(PublicRateLimitProperties properties) {
      return family("danvanPublicRateLimit", properties.perMinute(), properties.maxClients(), DOSSIER_PATHS);
    }

    @Bean
    FilterRegistrationBean<PublicRateLimitFilter> verifyRateLimitFilter(PublicRateLimitProperties properties) {
      return family("danvanVerifyRateLimit", properties.verifyPerMinute(), properties.maxClients(), VERIFY_PATHS);
    }

    private static FilterRegistrationBean<PublicRateLimitFilter> family(String name, int perMinute, int maxClients,
        String... paths) {
      var limiter = new PublicRateLimiter(perMinute, maxClients, Clock.systemUTC());
      var registration = new FilterRegistrationBean<>(new PublicRateLimitFilter(limiter));
      registration.addUrlPatterns(paths);
      registration.setName(name);
      // before security and multipart parsing: a refused upload is not read into memory
      registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 20);
      return registration;
    }
  }
}
