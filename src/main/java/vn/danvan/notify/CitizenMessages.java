package vn.danvan.notify;

import java.util.HashMap;
import java.util.Map;
import org.springframework.stereotype.Component;
import vn.danvan.document.DocumentFormats;
import vn.danvan.identity.UnitNames;

/**
 * Tells a citizen about their case: the same message by SMS to the phone and by e-mail to the
 * address, each where given, with the case's unit named as in a sentence ("phường Đông Hà", value
 * {@code unitName}). Queued in the caller's transaction ({@link NotificationService#queue}).
 */
@Component
public class CitizenMessages {

  private final NotificationService notifications;
  private final UnitNames units;

  CitizenMessages(NotificationService notifications, UnitNames units) {
    this.notifications = notifications;
    this.units = units;
  }

  /** Queues the message of {@code kind} for the case {@code caseRef} of {@code unit}; blank recipients are skipped. */
  public void send(String phone, String email, NotificationKind kind, String caseRef, String unit,
      Map<String, String> values) {
    Map<String, String> all = new HashMap<>(values);
    all.put("unitName", DocumentFormats.inText(units.nameOrId(unit)));
    if (phone != null && !phone.isBlank()) {
      notifications.queue(Notification.sms(phone, kind, caseRef, unit, all));
    }
    if (email != null && !email.isBlank()) {
      notifications.queue(Notification.email(email, kind, caseRef, unit, all));
    }
  }
}
