package vn.danvan.notify;

import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * The SMS channel of the dispatcher: the application's {@link SmsSender} (a real gateway before the
 * demo's {@link LoggingSmsGateway}), or none, and then SMS messages fail for good.
 */
@Component
class SmsDelivery {

  private static final Logger LOG = LoggerFactory.getLogger(SmsDelivery.class);

  private final SmsSender sender;

  SmsDelivery(ObjectProvider<SmsSender> senders) {
    this.sender = choose(senders.orderedStream().toList());
    if (sender == null) {
      LOG.warn("SMS notifications disabled: no SmsSender bean; SMS messages will be marked FAILED");
    } else {
      LOG.info("SMS notifications through {}", sender.getClass().getSimpleName());
    }
  }

  /**
   * A real gateway if there is one (chosen here rather than with {@code @ConditionalOnMissingBean},
   * which depends on the order in which configuration is read); two real ones stop the startup.
   */
  private static SmsSender choose(List<SmsSender> senders) {
    List<SmsSender> real = senders.stream().filter(s -> !(s instanceof LoggingSmsGateway)).toList();
    if (real.size() > 1) {
      throw new IllegalStateException("More than one SMS gateway: "
          + real.stream().map(s -> s.getClass().getName()).toList() + "; keep one SmsSender bean");
    }
    if (real.size() == 1) {
      return real.get(0);
    }
    return senders.isEmpty() ? null : senders.get(0);
  }

  void send(String phone, String text) {
    if (sender == null) {
      throw new PermanentDeliveryException("SMS disabled: no SMS gateway configured");
    }
    sender.send(phone, text);
  }
}
