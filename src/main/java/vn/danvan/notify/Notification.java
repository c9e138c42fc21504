package vn.danvan.notify;

import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A message to queue: to whom, over which channel, for which event of which case, and the values
 * of its template's {@code {placeholders}}.
 *
 * <p>{@code dossierCode} defaults to the case reference; {@code statusUrl} (the public status
 * link of the case) and {@code publicUrl} (the public site) are added by the service for a kind
 * whose template says {@code publicStatusLink: true}, and never rendered for one that says
 * {@code false}; every other placeholder of the kind's template needs a
 * non-blank value here, e.g. for {@link NotificationKind#RECEIPT}: {@code applicantName},
 * {@code unitName}, {@code procedureName}, {@code appointmentDate}. The templates list what each
 * kind needs.
 *
 * <p>{@link #toString()} masks the recipient, so that a notification that ends up in a log line
 * or an exception message carries no personal data.
 *
 * @param channel e-mail or SMS
 * @param recipient the e-mail address or phone number (personal data: stored, never logged)
 * @param kind the event, which selects the template
 * @param caseRef the case reference (the dossier code), shown to the citizen; may be null for a
 *     message without a case, but then its template must not use {@code dossierCode} or {@code statusUrl}
 * @param unit the unit (tenant id) the case belongs to
 * @param values the placeholder values (Vietnamese text, dates already formatted)
 */
public record Notification(Channel channel, String recipient, NotificationKind kind, String caseRef, String unit,
    Map<String, String> values) {

  public Notification {
    Objects.requireNonNull(channel, "channel");
    Objects.requireNonNull(kind, "kind");
    if (recipient == null || recipient.isBlank()) {
      throw new IllegalArgumentException("A " + channel + " notification needs a recipient");
    }
    recipient = recipient.strip();
    // Shape only, and without echoing the value (personal data) in the message.
    if (channel == Channel.EMAIL && !recipient.matches("[^@\\s]+@[^@\\s]+")) {
      throw new IllegalArgumentException("The recipient of an e-mail notification is not an e-mail address");
    }
    if (channel == Channel.SMS && !recipient.matches("\\+?[0-9][0-9 .-]{5,}")) {
      throw new IllegalArgumentException("The recipient of an SMS notification is not a phone number");
    }
    values = copyWithoutNulls(values);
  }

  /** A null value counts as missing: the template names it if it needs it. */
  private static Map<String, String> copyWithoutNulls(Map<String, String> values) {
    Map<String, String> copy = new HashMap<>();
    if (values != null) {
      values.forEach((name, value) -> {
        if (name != null && value != null) {
          copy.put(name, value);
        }
      });
    }
    return Map.copyOf(copy);
  }

  /** An e-mail to {@code address}. */
  public static Notification email(String address, NotificationKind kind, String caseRef, String unit,
      Map<String, String> values) {
    return new Notification(Channel.EMAIL, address, kind, caseRef, unit, values);
  }

  /** A text message to {@code phone}. */
  public static Notification sms(String phone, NotificationKind kind, String caseRef, String unit,
      Map<String, String> values) {
    return new Notification(Channel.SMS, phone, kind, caseRef, unit, values);
  }

  @Override
  public String toString() {
    return "Notification[" + channel + " " + kind + " case " + caseRef + " unit " + unit + " to "
        + PersonalData.maskRecipient(channel, recipient) + "]";
  }
}
