package vn.danvan.document;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.text.Normalizer;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class DocumentFormatsTest {

  @Test
  void numberLineJoinsNumberAndSymbol() {
    assertThat(DocumentFormats.numberLine(15, "QĐ-UBND")).isEqualTo("Số: 15/QĐ-UBND");
    assertThat(DocumentFormats.numberLine(123, "GTN-UBND")).isEqualTo("Số: 123/GTN-UBND");
  }

  @Test
  void numbersBelowTenGetALeadingZero() {
    assertThat(DocumentFormats.numberLine(5, "TB-UBND")).isEqualTo("Số: 05/TB-UBND");
    assertThat(DocumentFormats.reference(10, "BB-UBND")).isEqualTo("10/BB-UBND");
  }

  @Test
  void refusesNumbersBelowOne() {
    assertThatThrownBy(() -> DocumentFormats.numberLine(0, "QĐ-UBND")).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void dateLineWritesPlaceDayMonthYear() {
    assertThat(DocumentFormats.dateLine("Đông Hà", LocalDate.of(2026, 11, 22)))
        .isEqualTo("Đông Hà, ngày 22 tháng 11 năm 2026");
  }

  @Test
  void dateLinePadsDaysBelowTenAndMonthsOneAndTwoOnly() {
    assertThat(DocumentFormats.dateLine("Cam Lộ", LocalDate.of(2026, 2, 5))).isEqualTo("Cam Lộ, ngày 05 tháng 02 năm 2026");
    assertThat(DocumentFormats.dateLine("Cam Lộ", LocalDate.of(2026, 3, 9))).isEqualTo("Cam Lộ, ngày 09 tháng 3 năm 2026");
  }

  @Test
  void unitNamesForHeaderPlaceAndRunningText() {
    assertThat(DocumentFormats.upper("Phường Đông Hà")).isEqualTo("PHƯỜNG ĐÔNG HÀ");
    assertThat(DocumentFormats.upper("Xã Cam Lộ")).isEqualTo("XÃ CAM LỘ");
    assertThat(DocumentFormats.place("Phường Đông Hà")).isEqualTo("Đông Hà");
    assertThat(DocumentFormats.place("Tỉnh Quảng Trị")).isEqualTo("Quảng Trị");
    assertThat(DocumentFormats.place("Đặc khu Cồn Cỏ")).isEqualTo("Cồn Cỏ");
    assertThat(DocumentFormats.inText("Xã Cam Lộ")).isEqualTo("xã Cam Lộ");
    assertThat(DocumentFormats.inText("Thành phố Huế")).isEqualTo("thành phố Huế");
  }

  @Test
  void nfcComposesAccentsAndReplacesControlCharacters() {
    String decomposed = Normalizer.normalize("Nguyễn Thị Hương", Normalizer.Form.NFD);
    assertThat(DocumentFormats.nfc(decomposed)).isEqualTo("Nguyễn Thị Hương").hasSize(16);
    assertThat(DocumentFormats.nfc("a\tb\r\nc")).isEqualTo("a b\nc");
  }

  @Test
  void asciiFileNamesDropAccentsAndTheStroke() {
    assertThat(DocumentFormats.ascii("dongha-15/QĐ-UBND-2026")).isEqualTo("dongha-15-QD-UBND-2026");
  }
}
