package vn.danvan.notify;

import java.util.Map;

/** A citizen and the values of a receipt e-mail, for tests that queue and send real notifications. */
public final class NotificationSamples {

  /** The citizen's address. */
  public static final String CITIZEN = "nhung.nguyen@example.vn";

  private NotificationSamples() {}

  /** The template values of a receipt ({@link NotificationKind#RECEIPT}) for {@link #CITIZEN}. */
  public static Map<String, String> receipt() {
    return Map.of("applicantName", "Nguyễn Thị Hồng Nhung", "unitName", "phường Đông Hà",
        "procedureName", "Đăng ký khai sinh", "appointmentDate", "17:00 ngày 26/02/2026");
  }
}
