package vn.danvan.notify;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of notifications ({@code danvan.notify.*}).
 *
 * @param publicBaseUrl where citizens reach the public pages, e.g. {@code https://motcua.quangtri.gov.vn}
 * @param statusPath the path of a case's public status, {@code {code}} standing for the case reference
 * @param mail e-mail settings (the SMTP server itself is {@code spring.mail.*})
 * @param dispatch the outbox dispatcher
 * @param retry retries of failed sends
 * @param sms SMS settings
 */
@ConfigurationProperties("danvan.notify")
record NotifyProperties(
    @DefaultValue("http://localhost:8080") String publicBaseUrl,
    @DefaultValue("/tra-cuu.html#ma={code}") String statusPath,
    @DefaultValue Mail mail,
    @DefaultValue Dispatch dispatch,
    @DefaultValue Retry retry,
    @DefaultValue Sms sms) {

  /** @param from the sender address of every e-mail */
  record Mail(@DefaultValue("no-reply@danvan.local") String from) {}

  /**
   * @param enabled whether this node runs the dispatcher on a schedule ({@link #fixedDelay} apart)
   * @param batchSize how many due messages one claim takes
   * @param lease how long a claimed message is hidden from other dispatchers while it is being
   *     sent; longer than the slowest send (SMTP timeouts), or a message could go out twice
   */
  record Dispatch(@DefaultValue("true") boolean enabled, @DefaultValue("PT30S") Duration fixedDelay,
      @DefaultValue("50") int batchSize, @DefaultValue("PT5M") Duration lease) {

    Dispatch {
      if (batchSize < 1 || lease.isNegative() || lease.isZero()) {
        throw new IllegalArgumentException("danvan.notify.dispatch: batch-size must be at least 1 and lease positive");
      }
    }
  }

  /**
   * Exponential backoff: the n-th failed attempt waits {@code initialDelay × 2^(n-1)}, at most
   * {@code maxDelay}; the message is FAILED after {@code maxAttempts} attempts.
   */
  record Retry(@DefaultValue("8") int maxAttempts, @DefaultValue("PT1M") Duration initialDelay,
      @DefaultValue("PT6H") Duration maxDelay) {}

  /**
   * @param loggingGateway use {@link LoggingSmsGateway} (logs a masked number, sends nothing) when
   *     no other {@link SmsSender} bean exists; on in the demo profile only
   */
  record Sms(@DefaultValue("false") boolean loggingGateway) {}
}
