package vn.danvan.config;

import java.time.Duration;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.transaction.PlatformTransactionManager;
import vn.danvan.identity.IdentityChanges;
import vn.danvan.login.LoginThrottle;

/**
 * Closes the REST API, which Camunda leaves open by default: every call to {@code /engine-rest} and
 * {@code /api} needs HTTP Basic credentials, except the few paths that are public by design. Every
 * answer gets the security headers ({@link SecurityHeadersFilter}).
 */
@Configuration
class SecurityConfig {

  /** Paths anyone may call: engine discovery, the citizen's status lookup, signature verification. */
  static final List<String> PUBLIC_PREFIXES = List.of("/api/public/", "/api/signatures/verify");

  static boolean isPublic(String path) {
    return path.equals("/engine-rest/engine") || path.equals("/engine-rest/engine/")
        || PUBLIC_PREFIXES.stream().anyMatch(path::startsWith);
  }

  @Bean
  FilterRegistrationBean<BasicAuthenticationFilter> restAuthenticationFilter(IdentityService identityService,
      LoginThrottle throttle, IdentityChanges identityChanges,
      @Value("${danvan.performance.identity-cache:PT30S}") Duration identityCache) {
    var registration = new FilterRegistrationBean<>(new BasicAuthenticationFilter(identityService,
        SecurityConfig::isPublic, throttle, new RecentLogins(identityCache, System::nanoTime, identityChanges::generation)));
    registration.addUrlPatterns("/engine-rest/*", "/api/*");
    registration.setName("danvanRestAuthentication");
    // Before Jersey and Spring MVC see the request, after Spring's encoding filter.
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
    return registration;
  }

  /** At most so many authenticated API requests at once, the others in line ({@link ApiAdmission}). */
  @Bean
  @ConditionalOnExpression("'${danvan.performance.api-concurrency:auto}'.trim().toLowerCase() != 'off'")
  FilterRegistrationBean<ApiAdmission> apiAdmission(@Value("${danvan.performance.api-concurrency:auto}") String concurrency,
      @Value("${danvan.performance.api-queue-timeout:PT30S}") Duration wait) {
    int permits = ApiAdmission.concurrency(concurrency, Runtime.getRuntime().availableProcessors());
    var registration = new FilterRegistrationBean<>(new ApiAdmission(permits, wait, SecurityConfig::isPublic));
    registration.addUrlPatterns("/engine-rest/*", "/api/*");
    registration.setName("danvanApiAdmission");
    // after the authentication (a refused login takes no place), before the request's transaction
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 11);
    return registration;
  }

  /** One transaction per authenticated API request, right after its authentication ({@link RequestTransactionFilter}). */
  @Bean
  @ConditionalOnProperty(name = "danvan.performance.request-transaction", havingValue = "true", matchIfMissing = true)
  FilterRegistrationBean<RequestTransactionFilter> requestTransactionFilter(PlatformTransactionManager transactions) {
    var registration = new FilterRegistrationBean<>(new RequestTransactionFilter(transactions, SecurityConfig::isPublic));
    registration.addUrlPatterns("/engine-rest/*", "/api/*");
    registration.setName("danvanRequestTransaction");
    // after the authentication (and the login throttle's bookkeeping), before the variable guard
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 12);
    return registration;
  }

  @Bean
  FilterRegistrationBean<SecurityHeadersFilter> securityHeadersFilter(
      @Value("${camunda.bpm.webapp.application-path:/camunda}") String webappPath) {
    var registration = new FilterRegistrationBean<>(new SecurityHeadersFilter(webappPath));
    registration.addUrlPatterns("/*");
    registration.setName("danvanSecurityHeaders");
    // First of all, so that every answer has the headers, refusals by the other filters included.
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
    return registration;
  }

  /** Tasklist's bundle with form-js's messages in Vietnamese ({@link FormJsMessages}). */
  @Bean
  FilterRegistrationBean<FormJsMessages> formJsMessages(
      @Value("${camunda.bpm.webapp.application-path:/camunda}") String webappPath) {
    var registration = new FilterRegistrationBean<>(new FormJsMessages());
    registration.addUrlPatterns((webappPath.endsWith("/") ? webappPath : webappPath + "/") + "lib/deps.js");
    registration.setName("danvanFormJsMessages");
    // after the security headers, before the webapp's own resource handling
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 20);
    return registration;
  }
}
