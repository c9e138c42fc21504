package vn.danvan.notify;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Runs the {@link NotificationDispatcher} every {@code danvan.notify.dispatch.fixed-delay} on each
 * node where {@code danvan.notify.dispatch.enabled} is true (the default; the tests turn it off and
 * call {@link NotificationDispatcher#dispatchDue()} themselves).
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@ConditionalOnProperty(name = "danvan.notify.dispatch.enabled", havingValue = "true", matchIfMissing = true)
class NotificationDispatchSchedule {

  private static final Logger LOG = LoggerFactory.getLogger(NotificationDispatchSchedule.class);

  private final NotificationDispatcher dispatcher;

  NotificationDispatchSchedule(NotificationDispatcher dispatcher) {
    this.dispatcher = dispatcher;
  }

  @Scheduled(initialDelayString = "${danvan.notify.dispatch.fixed-delay:PT30S}",
      fixedDelayString = "${danvan.notify.dispatch.fixed-delay:PT30S}")
  void dispatch() {
    try {
      int sent = dispatcher.dispatchDue();
      if (sent > 0) {
        LOG.debug("Dispatched {} notifications", sent);
      }
    } catch (RuntimeException e) {
      // E.g. the database is unreachable: the messages stay in the outbox for the next run.
      LOG.warn("Notification dispatch failed, next run in the usual delay: {}", NotificationDispatcher.describe(e, null));
    }
  }
}
