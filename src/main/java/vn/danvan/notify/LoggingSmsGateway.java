package vn.danvan.notify;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The demo's SMS gateway: sends nothing and logs only the masked number ({@code 09******78}) and
 * the length of the text, never the number or the text. Active with
 * {@code danvan.notify.sms.logging-gateway=true} (the demo profile) when no real {@link SmsSender}
 * bean is declared.
 */
public class LoggingSmsGateway implements SmsSender {

  private static final Logger LOG = LoggerFactory.getLogger(LoggingSmsGateway.class);

  @Override
  public void send(String phone, String text) {
    LOG.info("SMS to {} ({} characters) accepted by the demo gateway, not sent", PersonalData.maskPhone(phone),
        text.length());
  }
}
