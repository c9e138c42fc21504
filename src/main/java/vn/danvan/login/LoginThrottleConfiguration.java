package vn.danvan.login;

import java.time.Clock;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The login throttle and its place in front of the webapps' login and Camunda's credential check
 * (HTTP Basic uses it in its own filter).
 */
@Configuration
class LoginThrottleConfiguration {

  @Bean
  LoginThrottle loginThrottle(LoginThrottleProperties properties, JdbcTemplate jdbc,
      PlatformTransactionManager transactions) {
    return new LoginThrottle(properties, Clock.systemUTC(), new JdbcLoginState(jdbc, transactions));
  }

  @Bean
  FilterRegistrationBean<WebappLoginThrottleFilter> webappLoginThrottleFilter(LoginThrottle throttle,
      @Value("${camunda.bpm.webapp.application-path:/camunda}") String webappPath) {
    String authPrefix = webappPath + "/api/admin/auth/user";
    var registration = new FilterRegistrationBean<>(new WebappLoginThrottleFilter(throttle, authPrefix));
    registration.addUrlPatterns(authPrefix + "/*");
    registration.setName("danvanWebappLoginThrottle");
    // Ahead of Camunda's webapp filters, which Spring registers after the ordered ones.
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
    return registration;
  }

  @Bean
  FilterRegistrationBean<VerifyCredentialsThrottleFilter> verifyCredentialsThrottleFilter(LoginThrottle throttle,
      @Value("${camunda.bpm.webapp.application-path:/camunda}") String webappPath) {
    var registration = new FilterRegistrationBean<>(new VerifyCredentialsThrottleFilter(throttle));
    registration.addUrlPatterns("/engine-rest/identity/verify", webappPath + "/api/engine/engine/*");
    registration.setName("danvanVerifyCredentialsThrottle");
    // After HTTP Basic has authenticated the caller, before Camunda checks the named user's password.
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 15);
    return registration;
  }
}
