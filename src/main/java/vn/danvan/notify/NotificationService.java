package vn.danvan.notify;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Queues messages to citizens in the outbox ({@code dv_notification}). Queueing renders the text
 * from the kind's template and inserts one row in the caller's transaction, nothing else: a case
 * step and its message commit or roll back together, and sending (by {@link NotificationDispatcher},
 * with retries) can fail later without losing the message.
 */
@Service
public class NotificationService {

  private static final Logger LOG = LoggerFactory.getLogger(NotificationService.class);

  private final NotificationTemplates templates;
  private final NotificationRepository repository;
  private final NotifyProperties properties;
  private final Clock clock;

  @Autowired
  NotificationService(NotificationTemplates templates, NotificationRepository repository, NotifyProperties properties) {
    this(templates, repository, properties, Clock.systemUTC());
  }

  NotificationService(NotificationTemplates templates, NotificationRepository repository, NotifyProperties properties,
      Clock clock) {
    this.templates = templates;
    this.repository = repository;
    this.properties = properties;
    this.clock = clock;
  }

  /**
   * Renders the notification and stores it as PENDING, due now, in the caller's transaction (a new
   * one if there is none). Delegates call it inside the engine's transaction.
   *
   * @return the id of the outbox row
   * @throws MissingNotificationValueException if the template needs a value the notification lacks
   *     (nothing is stored)
   */
  @Transactional
  public String queue(Notification notification) {
    NotificationTemplate template = templates.forKind(notification.kind());
    Message message = template.render(notification.channel(), values(notification, template.publicStatusLink()));
    Instant now = Instant.now(clock).truncatedTo(ChronoUnit.MILLIS);
    String id = UUID.randomUUID().toString();
    repository.insert(new QueuedNotification(id, now, notification.channel(), notification.recipient(),
        notification.kind(), message.subject(), message.body(), notification.caseRef(), notification.unit(),
        NotificationState.PENDING, 0, now, null, null));
    // Never the recipient or the text: both are personal data.
    LOG.info("Queued notification {} {} {} for case {} of unit {}", id, notification.kind(), notification.channel(),
        notification.caseRef(), notification.unit());
    return id;
  }

  /** The outbox row, for its delivery state. */
  @Transactional(readOnly = true)
  public Optional<QueuedNotification> find(String id) {
    return id == null ? Optional.empty() : repository.find(id);
  }

  /** The public status link of a case: the configured base URL and status path. */
  public String statusUrl(String caseRef) {
    String base = publicUrl();
    String path = properties.statusPath().replace("{code}", URLEncoder.encode(caseRef, StandardCharsets.UTF_8));
    return base + (path.startsWith("/") ? path : "/" + path);
  }

  /** The public site's base URL, without a trailing slash. */
  public String publicUrl() {
    return properties.publicBaseUrl().replaceAll("/+$", "");
  }

  /** The caller's values, the case code, and the public link only for a kind that carries it. */
  private Map<String, String> values(Notification notification, boolean publicStatusLink) {
    Map<String, String> values = new HashMap<>(notification.values());
    if (publicStatusLink) {
      values.putIfAbsent("publicUrl", publicUrl());
    }
    String caseRef = notification.caseRef();
    if (caseRef != null && !caseRef.isBlank()) {
      values.putIfAbsent("dossierCode", caseRef);
      if (publicStatusLink) {
        values.putIfAbsent("statusUrl", statusUrl(caseRef));
      }
    }
    return values;
  }
}
