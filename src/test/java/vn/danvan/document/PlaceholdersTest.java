package vn.danvan.document;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class PlaceholdersTest {

  @Test
  void fillsEveryPlaceholder() {
    assertThat(Placeholders.fill("Ông/Bà {name}, mã hồ sơ {code}.", Map.of("name", "Trần Văn Hùng", "code", "H48-01"),
        DocumentKind.RECEIPT)).isEqualTo("Ông/Bà Trần Văn Hùng, mã hồ sơ H48-01.");
  }

  @Test
  void missingFieldIsAnErrorNamingTheField() {
    assertThatThrownBy(() -> Placeholders.fill("{name} – {reason}", Map.of("name", "Lan"), DocumentKind.REFUSAL))
        .isInstanceOfSatisfying(MissingDocumentFieldException.class, e -> {
          assertThat(e.placeholder()).isEqualTo("reason");
          assertThat(e.field()).isEqualTo("fields.reason");
          assertThat(e.getMessage()).contains("'reason'").contains("REFUSAL");
        });
  }

  @Test
  void blankValueCountsAsMissing() {
    assertThatThrownBy(() -> Placeholders.fill("{reason}", Map.of("reason", "  "), DocumentKind.REFUSAL))
        .isInstanceOf(MissingDocumentFieldException.class);
  }

  @Test
  void valuesAreInsertedLiterallyNotAsPatterns() {
    assertThat(Placeholders.fill("Phí: {fee}", Map.of("fee", "$1 \\ {other}"), DocumentKind.RESULT))
        .isEqualTo("Phí: $1 \\ {other}");
  }

  @Test
  void listsTheNamesInOrderOfFirstUse() {
    assertThat(Placeholders.names("{b} {a} {b} {not a placeholder}")).containsExactly("b", "a");
  }
}
