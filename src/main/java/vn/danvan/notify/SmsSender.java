package vn.danvan.notify;

/**
 * Hands a text message to an SMS gateway. To plug in a real gateway (a Vietnamese brandname SMS
 * provider's HTTP API, for instance), declare a Spring bean implementing this interface; it
 * replaces the demo's {@link LoggingSmsGateway}. Without any implementation SMS messages are marked
 * FAILED ("no SMS gateway configured").
 *
 * <p>Implementations return normally once the gateway has accepted the message, throw
 * {@link PermanentDeliveryException} when retrying cannot help, and any other exception for a
 * temporary failure (the dispatcher retries with backoff). They must not log the phone number or
 * the text (use {@link PersonalData#maskPhone(String)}), and should keep their exception messages
 * free of them too.
 */
public interface SmsSender {

  /**
   * @param phone the recipient's phone number as the citizen gave it
   * @param text the message, ASCII without diacritics (see {@link SmsText})
   */
  void send(String phone, String text);
}
