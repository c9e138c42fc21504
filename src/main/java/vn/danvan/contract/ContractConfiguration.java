package vn.danvan.contract;

import org.camunda.bpm.engine.ProcessEngine;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/**
 * Puts {@link VariableWriteGuard} in front of both mounts of Camunda's REST API. On
 * {@code /engine-rest} it is ordered after our HTTP Basic filter (order +10). The webapps' engine
 * API ({@code /camunda/api/engine/*}, servlet {@value #WEBAPP_ENGINE_SERVLET} registered by
 * Camunda's webapp initializer) is matched by servlet name: the container runs servlet-name
 * mappings after all URL-pattern filters, hence after the webapps' authentication filter, which
 * Camunda appends after every filter Spring registers.
 */
@Configuration
class ContractConfiguration {

  static final String WEBAPP_ENGINE_SERVLET = "Engine Api";

  @Bean
  FilterRegistrationBean<VariableWriteGuard> variableWriteGuard(ProcessEngine engine, FormContracts forms,
      StartContracts starts, @Value("${danvan.performance.form-check-in-one-command:true}") boolean oneCommand) {
    var registration = new FilterRegistrationBean<>(new VariableWriteGuard(engine, forms, starts, oneCommand));
    registration.addUrlPatterns("/engine-rest/*");
    registration.addServletNames(WEBAPP_ENGINE_SERVLET);
    registration.setName("danvanVariableWriteGuard");
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 20);
    return registration;
  }
}
