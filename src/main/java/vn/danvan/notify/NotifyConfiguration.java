package vn.danvan.notify;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The demo's SMS gateway ({@code danvan.notify.sms.logging-gateway=true}). A real {@link SmsSender}
 * bean, wherever it is declared, takes precedence over it (see {@link SmsDelivery}).
 */
@Configuration(proxyBeanMethods = false)
class NotifyConfiguration {

  @Bean
  @ConditionalOnProperty(name = "danvan.notify.sms.logging-gateway", havingValue = "true")
  LoggingSmsGateway loggingSmsGateway() {
    return new LoggingSmsGateway();
  }
}
