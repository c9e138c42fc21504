package vn.danvan.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import java.util.stream.Stream;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

class NotificationTemplatesTest {

  /** A long national-format dossier code and a production-like status link: the worst case for an SMS. */
  static final String CODE = "000.00.20.H46-260223-0001";
  static final String PUBLIC_URL = "https://dichvucong.quangtri.gov.vn";
  static final String STATUS_URL = PUBLIC_URL + "/api/public/dossiers/" + CODE;

  private final NotificationTemplates templates = new NotificationTemplates();

  /** Every kind whose template carries the public status link (today: every template file). */
  static Stream<NotificationKind> linkedKinds() {
    NotificationTemplates all = new NotificationTemplates();
    return all.kinds().stream().filter(k -> all.forKind(k).publicStatusLink());
  }

  /** Every value any template uses, with realistic lengths. */
  static Map<String, String> allValues() {
    Map<String, String> values = new HashMap<>();
    values.put("dossierCode", CODE);
    values.put("statusUrl", STATUS_URL);
    values.put("publicUrl", PUBLIC_URL);
    values.put("applicantName", "Nguyễn Thị Hồng Nhung");
    values.put("unitName", "phường Đông Hà");
    values.put("procedureName", "Đăng ký khai sinh");
    values.put("appointmentDate", "17:00 ngày 23/02/2026");
    values.put("newAppointmentDate", "17:00 ngày 02/03/2026");
    values.put("supplementDeadline", "23/03/2026");
    values.put("missingDocuments", "- Bản sao Giấy chứng nhận kết hôn\n- Giấy chứng sinh (bản chính)");
    values.put("reason", "Hồ sơ cần xác minh thêm tại Sở Tư pháp");
    return values;
  }

  @ParameterizedTest
  @MethodSource("linkedKinds")
  void everyKindRendersAnEmailWithAllPlaceholdersFilled(NotificationKind kind) {
    Message email = templates.forKind(kind).render(Channel.EMAIL, allValues());

    assertThat(email.subject()).contains(CODE).doesNotContain("{", "}");
    assertThat(email.body()).contains("Kính gửi Ông/Bà Nguyễn Thị Hồng Nhung", STATUS_URL).doesNotContain("{", "}");
  }

  @ParameterizedTest
  @MethodSource("linkedKinds")
  void everySmsFitsOneMessageWithoutDiacritics(NotificationKind kind) {
    Message sms = templates.forKind(kind).render(Channel.SMS, allValues());

    assertThat(sms.subject()).isNull();
    assertThat(sms.body()).contains(CODE, PUBLIC_URL).doesNotContain("\n");
    assertThat(sms.body().chars()).as(sms.body()).allMatch(c -> c >= 0x20 && c < 0x80);
    assertThat(sms.body().length()).as(sms.body()).isLessThanOrEqualTo(SmsText.SINGLE_SMS_LENGTH);
  }

  @Test
  void receiptSaysTheDossierWasReceivedWithItsCodeAndAppointment() {
    Message email = templates.forKind(NotificationKind.RECEIPT).render(Channel.EMAIL, allValues());
    Message sms = templates.forKind(NotificationKind.RECEIPT).render(Channel.SMS, allValues());

    assertThat(email.subject()).isEqualTo("Hồ sơ " + CODE + " đã được tiếp nhận");
    assertThat(email.body()).contains("Bộ phận Một cửa Ủy ban nhân dân phường Đông Hà đã tiếp nhận hồ sơ",
        "Thủ tục: Đăng ký khai sinh", "Mã hồ sơ: " + CODE, "Ngày hẹn trả kết quả: 17:00 ngày 23/02/2026");
    assertThat(sms.body()).isEqualTo("Ho so " + CODE + " da duoc tiep nhan, hen tra ket qua 17:00 ngay 23/02/2026."
        + " Tra cuu: " + PUBLIC_URL);
  }

  @Test
  void supplementRequestListsTheDocumentsAndTheFifteenWorkingDays() {
    Message email = templates.forKind(NotificationKind.SUPPLEMENT_REQUEST).render(Channel.EMAIL, allValues());

    assertThat(email.subject()).isEqualTo("Yêu cầu bổ sung hồ sơ " + CODE);
    assertThat(email.body()).contains("- Bản sao Giấy chứng nhận kết hôn\n- Giấy chứng sinh (bản chính)",
        "15 ngày làm việc", "đến hết ngày 23/03/2026");
  }

  @Test
  void apologyGivesTheReasonAndTheNewAppointment() {
    Message email = templates.forKind(NotificationKind.APOLOGY).render(Channel.EMAIL, allValues());

    assertThat(email.body()).contains("xin lỗi", "Lý do: Hồ sơ cần xác minh thêm tại Sở Tư pháp.",
        "Ngày hẹn trả kết quả mới: 17:00 ngày 02/03/2026");
  }

  @Test
  void missingValueIsAnErrorNamingIt() {
    Map<String, String> values = allValues();
    values.remove("supplementDeadline");

    assertThatThrownBy(() -> templates.forKind(NotificationKind.SUPPLEMENT_REQUEST).render(Channel.SMS, values))
        .isInstanceOf(MissingNotificationValueException.class)
        .hasMessage("Notification value 'supplementDeadline' is required by the SUPPLEMENT_REQUEST template")
        .extracting(e -> ((MissingNotificationValueException) e).placeholder()).isEqualTo("supplementDeadline");
  }

  @Test
  void nullValueCountsAsMissing() {
    Map<String, String> values = allValues();
    values.put("applicantName", null);
    Notification notification = Notification.email("an@example.vn", NotificationKind.RESULT_READY, CODE, "dongha", values);

    assertThatThrownBy(() -> templates.forKind(NotificationKind.RESULT_READY).render(Channel.EMAIL, notification.values()))
        .isInstanceOf(MissingNotificationValueException.class).hasMessageContaining("'applicantName'");
  }

  @Test
  void blankValueCountsAsMissing() {
    Map<String, String> values = allValues();
    values.put("reason", "  ");

    assertThatThrownBy(() -> templates.forKind(NotificationKind.REFUSAL).render(Channel.EMAIL, values))
        .isInstanceOf(MissingNotificationValueException.class).hasMessageContaining("'reason'");
  }

  @Test
  void valuesAreInsertedLiterallyAndNeverExpandedAgain() {
    Map<String, String> values = allValues();
    values.put("applicantName", "Trần {reason} $1 \\");

    Message email = templates.forKind(NotificationKind.WITHDRAWN).render(Channel.EMAIL, values);

    assertThat(email.body()).contains("Kính gửi Ông/Bà Trần {reason} $1 \\,");
  }
}
