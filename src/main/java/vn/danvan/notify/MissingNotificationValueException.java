package vn.danvan.notify;

/** A template needs a {@code {placeholder}} the notification has no (or only a blank) value for. */
public class MissingNotificationValueException extends IllegalArgumentException {

  private final String placeholder;

  MissingNotificationValueException(String placeholder, NotificationKind kind) {
    super("Notification value '" + placeholder + "' is required by the " + kind + " template");
    this.placeholder = placeholder;
  }

  /** The name of the missing value, as written between braces in the template. */
  public String placeholder() {
    return placeholder;
  }
}
