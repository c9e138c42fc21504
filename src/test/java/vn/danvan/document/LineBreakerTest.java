package vn.danvan.document;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class LineBreakerTest {

  /** One unit per character: easy widths to reason about. */
  private static double chars(String s) {
    return s.codePointCount(0, s.length());
  }

  @Test
  void breaksBetweenWordsWithinTheWidth() {
    List<String> lines = LineBreaker.wrap("Độc lập Tự do Hạnh phúc", 10, LineBreakerTest::chars);
    assertThat(lines).containsExactly("Độc lập Tự", "do Hạnh", "phúc");
  }

  @Test
  void cutsAWordWiderThanALine() {
    List<String> lines = LineBreaker.wrap("mã H48.25-261122-0001 xong", 8, LineBreakerTest::chars);
    assertThat(lines).allMatch(l -> chars(l) <= 8);
    assertThat(String.join("", lines).replace(" ", "")).isEqualTo("mãH48.25-261122-0001xong");
  }

  @Test
  void collapsesWhitespaceAndKeepsEveryWord() {
    String text = "  Căn cứ   Luật Tổ chức\tchính quyền địa phương ";
    List<String> lines = LineBreaker.wrap(text, 12, LineBreakerTest::chars);
    assertThat(String.join(" ", lines)).isEqualTo("Căn cứ Luật Tổ chức chính quyền địa phương");
  }

  @Test
  void emptyTextGivesNoLine() {
    assertThat(LineBreaker.wrap("   ", 10, LineBreakerTest::chars)).isEmpty();
  }
}
