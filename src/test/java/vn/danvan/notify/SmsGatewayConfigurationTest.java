package vn.danvan.notify;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.context.ConfigurationPropertiesAutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Which SMS gateway the application uses: a real one if declared, the logging one in the demo, else none. */
class SmsGatewayConfigurationTest {

  /** A stand-in for a provider's gateway. */
  static class ProviderGateway implements SmsSender {
    @Override
    public void send(String phone, String text) {}
  }

  @Configuration(proxyBeanMethods = false)
  static class RealGateway {
    @Bean
    SmsSender providerGateway() {
      return new ProviderGateway();
    }
  }

  private final ApplicationContextRunner runner = new ApplicationContextRunner()
      .withConfiguration(AutoConfigurations.of(ConfigurationPropertiesAutoConfiguration.class))
      .withBean(SmsDelivery.class)
      .withUserConfiguration(NotifyConfiguration.class);

  private static SmsSender chosen(org.springframework.context.ApplicationContext context) {
    return (SmsSender) org.springframework.test.util.ReflectionTestUtils.getField(context.getBean(SmsDelivery.class), "sender");
  }

  @Test
  void demoUsesTheLoggingGateway() {
    runner.withPropertyValues("danvan.notify.sms.logging-gateway=true")
        .run(context -> assertThat(chosen(context)).isInstanceOf(LoggingSmsGateway.class));
  }

  @Test
  void declaredGatewayIsUsedInsteadOfTheLoggingOne() {
    runner.withPropertyValues("danvan.notify.sms.logging-gateway=true").withUserConfiguration(RealGateway.class)
        .run(context -> assertThat(chosen(context)).isInstanceOf(ProviderGateway.class));
  }

  @Test
  void twoRealGatewaysStopTheStartup() {
    runner.withUserConfiguration(RealGateway.class).withBean("second", SmsSender.class, ProviderGateway::new)
        .run(context -> assertThat(context).hasFailed().getFailure().rootCause()
            .hasMessageContaining("More than one SMS gateway"));
  }

  @Test
  void withoutAnyGatewaySmsFailsForGood() {
    runner.run(context -> {
      assertThat(context).hasNotFailed().doesNotHaveBean(SmsSender.class);
      org.assertj.core.api.Assertions.assertThatThrownBy(() -> context.getBean(SmsDelivery.class).send("0912345678", "x"))
          .isInstanceOf(PermanentDeliveryException.class).hasMessage("SMS disabled: no SMS gateway configured");
    });
  }
}
