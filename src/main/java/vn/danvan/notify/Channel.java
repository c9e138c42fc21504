package vn.danvan.notify;

/** How a notification reaches its recipient. */
public enum Channel {
  /** An e-mail over SMTP; the recipient is an e-mail address. */
  EMAIL,
  /** A text message through the SMS gateway, without diacritics; the recipient is a phone number. */
  SMS
}
