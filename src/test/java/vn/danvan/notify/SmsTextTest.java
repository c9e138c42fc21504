package vn.danvan.notify;

import static org.assertj.core.api.Assertions.assertThat;

import java.text.Normalizer;
import org.junit.jupiter.api.Test;

class SmsTextTest {

  @Test
  void removesEveryVietnameseToneMarkAndVowelModifier() {
    assertThat(SmsText.unaccented("àáảãạ ăằắẳẵặ âầấẩẫậ èéẻẽẹ êềếểễệ ìíỉĩị òóỏõọ ôồốổỗộ ơờớởỡợ ùúủũụ ưừứửữự ỳýỷỹỵ"))
        .isEqualTo("aaaaa aaaaaa aaaaaa eeeee eeeeee iiiii ooooo oooooo oooooo uuuuu uuuuuu yyyyy");
    assertThat(SmsText.unaccented("ÀÁẢÃẠ ĂẰẮẲẴẶ ÂẦẤẨẪẬ ÊỀẾỂỄỆ ÔỒỐỔỖỘ ƠỜỚỞỠỢ ƯỪỨỬỮỰ ỲÝỶỸỴ"))
        .isEqualTo("AAAAA AAAAAA AAAAAA EEEEEE OOOOOO OOOOOO UUUUUU YYYYY");
  }

  @Test
  void mapsDToD() {
    assertThat(SmsText.unaccented("Đường Đông Hà, đã được")).isEqualTo("Duong Dong Ha, da duoc");
  }

  @Test
  void givesTheSameTextForPrecomposedAndDecomposedInput() {
    String sentence = "Hồ sơ đã được tiếp nhận, hẹn trả kết quả ngày 23/02/2026.";
    String decomposed = Normalizer.normalize(sentence, Normalizer.Form.NFD);

    assertThat(SmsText.unaccented(sentence)).isEqualTo("Ho so da duoc tiep nhan, hen tra ket qua ngay 23/02/2026.");
    assertThat(SmsText.unaccented(decomposed)).isEqualTo(SmsText.unaccented(sentence));
  }

  @Test
  void replacesTypographicPunctuationAndLeavesOnlyAscii() {
    String result = SmsText.unaccented("“Giấy tờ” – bản sao… ‘chứng thực’ 中");

    assertThat(result).isEqualTo("\"Giay to\" - ban sao... 'chung thuc' ?");
    assertThat(result.chars()).allMatch(c -> c < 0x80);
  }
}
