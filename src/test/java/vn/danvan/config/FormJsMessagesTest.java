package vn.danvan.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * form-js's messages in the Tasklist bundle Camunda 7.24 ships, replaced by Vietnamese ones: every
 * replacement matches the bundle exactly once (this test fails on an upgrade that changes one), no
 * English validation message and no "must match pattern" with its expression is left.
 */
class FormJsMessagesTest {

  @Test
  void everyEnglishValidationMessageOfTheBundleIsReplacedOnce() {
    String english = FormJsMessages.read(FormJsMessages.BUNDLE);
    String translated = FormJsMessages.translated(english, FormJsMessages.replacements());

    assertThat(english.contains("Field must match pattern ${t.pattern}.")).isTrue();
    // (the bundle is megabytes: compared by flags, not printed)
    for (String message : List.of("Field must match pattern", "Field is required.", "`Field must have",
        "Field must be a valid", "Value is not a number.", "Please select a valid value", "\"be an integer\"")) {
      assertThat(translated.contains(message)).as(message).isFalse();
    }
    for (String vietnamese : List.of("\"Giá trị chưa đúng định dạng, xem hướng dẫn dưới ô nhập.\"",
        "\"Trường này là bắt buộc.\"", "`Không được dài quá ${t.maxLength} ký tự.`")) {
      assertThat(translated.contains(vietnamese)).as(vietnamese).isTrue();
    }
    // only the messages change
    assertThat(translated.length()).isBetween(english.length() - 2000, english.length() + 2000);
    assertThat(new FormJsMessages()).isNotNull();
  }

  @Test
  void aReplacementThatNoLongerMatchesStopsStartupNamingIt() {
    assertThatThrownBy(() -> FormJsMessages.translated("const m = \"Field is required!\";",
        List.of(Map.of("find", "\"Field is required.\"", "replace", "\"Trường này là bắt buộc.\""))))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("'\"Field is required.\"' is not found exactly once");
    assertThatThrownBy(() -> FormJsMessages.translated("a(\"x\");b(\"x\")", List.of(Map.of("find", "\"x\"", "replace", "\"y\""))))
        .isInstanceOf(IllegalStateException.class);
  }
}
