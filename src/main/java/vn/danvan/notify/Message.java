package vn.danvan.notify;

/**
 * The text of one notification as it is stored and sent.
 *
 * @param subject the e-mail subject, null for an SMS
 * @param body the e-mail body (Vietnamese with diacritics), or the SMS text (without diacritics)
 */
record Message(String subject, String body) {}
