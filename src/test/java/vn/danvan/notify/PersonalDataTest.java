package vn.danvan.notify;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class PersonalDataTest {

  @Test
  void masksAllButTheFirstTwoAndLastTwoDigitsOfAPhoneNumber() {
    assertThat(PersonalData.maskPhone("0912345678")).isEqualTo("09******78");
    assertThat(PersonalData.maskPhone("0912 345 678")).isEqualTo("09******78");
    assertThat(PersonalData.maskPhone("+84912345678")).isEqualTo("+8********78");
  }

  @Test
  void hidesShortNumbersEntirely() {
    assertThat(PersonalData.maskPhone("12345")).isEqualTo("*****");
    assertThat(PersonalData.maskPhone(null)).isEmpty();
  }

  @Test
  void masksTheLocalPartOfAnEmailAddress() {
    assertThat(PersonalData.maskEmail("an.nguyen@example.vn")).isEqualTo("a***@example.vn");
    assertThat(PersonalData.maskEmail("not-an-address")).isEqualTo("***");
  }

  @Test
  void redactsTheRecipientAndAnyAddressOrPhoneNumberAnErrorEchoes() {
    String error = "550 5.1.1 <an.nguyen@example.vn>: Recipient address rejected; cc tran.b@mail.vn;"
        + " gateway: number 0912 345 678 unreachable, +84987654321 too; port 2525";

    String redacted = PersonalData.redact(error, "an.nguyen@example.vn");

    assertThat(redacted).doesNotContain("an.nguyen", "tran.b", "0912", "345 678", "84987654321")
        .contains("<recipient>", "<e-mail>", "<number>", "port 2525");
  }

  @Test
  void notificationToStringShowsNoRecipient() {
    Notification email = Notification.email("an.nguyen@example.vn", NotificationKind.RECEIPT, "DH-1", "dongha", Map.of());
    Notification sms = Notification.sms("0912345678", NotificationKind.RECEIPT, "DH-1", "dongha", Map.of());

    assertThat(email.toString()).doesNotContain("an.nguyen").contains("a***@example.vn", "RECEIPT", "DH-1");
    assertThat(sms.toString()).doesNotContain("0912345678").contains("09******78");
  }
}
