package vn.danvan.dossier;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.OptionalLong;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;
import vn.danvan.config.ApiError;

/**
 * Rate-limits {@code /api/public/*} per client address: over the limit the answer is 429 with a
 * {@code Retry-After} header and a JSON body. The address is the connection's
 * ({@code getRemoteAddr()}); {@code X-Forwarded-For} counts only where the server is configured to
 * trust a proxy ({@code server.forward-headers-strategy}).
 */
class PublicRateLimitFilter extends OncePerRequestFilter {

  private final PublicRateLimiter limiter;
  private final ObjectMapper json = new ObjectMapper();

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
    response.setStatus(429);
    response.setHeader("Retry-After", Long.toString(retryAfter.getAsLong()));
    response.setContentType(MediaType.APPLICATION_JSON_VALUE);
    response.setCharacterEncoding(StandardCharsets.UTF_8.name());
    json.writeValue(response.getOutputStream(), ApiError.of("Too many requests: try again in "
        + retryAfter.getAsLong() + " seconds"));
  }

  /** Registers the filter on the public API. */
  @Configuration
  static class Registration {

    @Bean
    FilterRegistrationBean<PublicRateLimitFilter> publicRateLimitFilter(PublicRateLimitProperties properties) {
      var limiter = new PublicRateLimiter(properties.perMinute(), properties.maxClients(), Clock.systemUTC());
      var registration = new FilterRegistrationBean<>(new PublicRateLimitFilter(limiter));
      registration.addUrlPatterns("/api/public/*");
      registration.setName("danvanPublicRateLimit");
      registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 20);
      return registration;
    }
  }
}
