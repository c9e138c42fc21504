package vn.danvan.notify;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A kind of message to a citizen, named after its template file: {@code notify/templates/result-ready.yaml}
 * is the kind {@code RESULT_READY}. The kinds are whatever template files exist
 * ({@link NotificationTemplates} loads and checks them all at startup), so a new kind is a new file,
 * not a Java change; the template also says whether the message carries the case's public status
 * link. The constants below only name the kinds the one-stop process itself sends.
 *
 * <p>The name is what the outbox stores, as it was when this was an enum.
 */
public final class NotificationKind implements Comparable<NotificationKind> {

  private static final Pattern NAME = Pattern.compile("[A-Z][A-Z0-9]*(_[A-Z0-9]+)*");

  /** The dossier was received: its code and the appointment for the result. */
  public static final NotificationKind RECEIPT = of("RECEIPT");
  /** The dossier is incomplete: what to add, within 15 working days. */
  public static final NotificationKind SUPPLEMENT_REQUEST = of("SUPPLEMENT_REQUEST");
  /** The result will be late: apology, reason and the new appointment. */
  public static final NotificationKind APOLOGY = of("APOLOGY");
  /** The result is ready: come and collect it. */
  public static final NotificationKind RESULT_READY = of("RESULT_READY");
  /** The dossier was closed because the supplement did not arrive in time. */
  public static final NotificationKind CLOSED_NO_SUPPLEMENT = of("CLOSED_NO_SUPPLEMENT");
  /** The request is refused, with the reason. */
  public static final NotificationKind REFUSAL = of("REFUSAL");
  /** The dossier was withdrawn at the citizen's request. */
  public static final NotificationKind WITHDRAWN = of("WITHDRAWN");

  private final String name;

  private NotificationKind(String name) {
    this.name = name;
  }

  /**
   * The kind with this name ({@code SUPPLEMENT_REQUEST}). Only the shape is checked here; whether a
   * template exists is {@link NotificationTemplates}' answer.
   *
   * @throws IllegalArgumentException if the name is not upper snake case of at most 32 characters
   */
  public static NotificationKind of(String name) {
    // at most 32 characters: the database column holding the kind (V1, V3)
    if (name == null || name.length() > 32 || !NAME.matcher(name).matches()) {
      throw new IllegalArgumentException("Not a notification kind name: '" + name + "'");
    }
    return new NotificationKind(name);
  }

  /** The kind of a template file name ({@code site-handover.yaml} → {@code SITE_HANDOVER}). */
  static NotificationKind ofFileName(String fileName) {
    String stem = fileName.endsWith(".yaml") ? fileName.substring(0, fileName.length() - 5) : fileName;
    if (!stem.matches("[a-z][a-z0-9]*(-[a-z0-9]+)*")) {
      throw new IllegalArgumentException("Not a notification template file name (lower kebab case .yaml): '" + fileName + "'");
    }
    return of(stem.toUpperCase(Locale.ROOT).replace('-', '_'));
  }

  public String name() {
    return name;
  }

  /** Classpath location of this kind's template. */
  public String templateResource() {
    return NotificationTemplates.DIRECTORY + name.toLowerCase(Locale.ROOT).replace('_', '-') + ".yaml";
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof NotificationKind k && k.name.equals(name);
  }

  @Override
  public int hashCode() {
    return name.hashCode();
  }

  @Override
  public int compareTo(NotificationKind other) {
    return name.compareTo(other.name);
  }

  @Override
  public String toString() {
    return name;
  }
}
