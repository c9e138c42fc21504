package vn.danvan.document;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import vn.danvan.identity.OfficialPosition;

/** The capacity rule of Decree 30/2020, Art. 13, as data: each position's lines, and how templates place them. */
class SigningCapacitiesTest {

  private final SigningCapacities capacities = new SigningCapacities();

  @Test
  void eachPositionSignsInItsOwnCapacity() {
    assertThat(capacities.lines(OfficialPosition.CHAIRMAN)).containsExactly("TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH");
    assertThat(capacities.lines(OfficialPosition.VICE_CHAIRMAN)).containsExactly("KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH");
    assertThat(capacities.lines(OfficialPosition.ACTING_CHAIRMAN)).containsExactly("TM. ỦY BAN NHÂN DÂN", "Q. CHỦ TỊCH");
  }

  @Test
  void aPositionWithoutLinesStopsTheStartup() {
    Map<OfficialPosition, List<String>> lines = new EnumMap<>(OfficialPosition.class);
    lines.put(OfficialPosition.CHAIRMAN, List.of("TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH"));
    lines.put(OfficialPosition.VICE_CHAIRMAN, List.of("KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"));
    assertThatThrownBy(() -> new SigningCapacities(lines)).hasMessageContaining("ACTING_CHAIRMAN");
    lines.put(OfficialPosition.ACTING_CHAIRMAN, List.of(" "));
    assertThatThrownBy(() -> new SigningCapacities(lines)).hasMessageContaining("ACTING_CHAIRMAN");
  }

  @Test
  void everyLeaderSignedTemplatePlacesTheCapacityAboveTheSignature() {
    Issuer issuer = SampleDocuments.DONGHA;
    for (DocumentKind kind : List.of(DocumentKind.RESULT, DocumentKind.APOLOGY, DocumentKind.CONGRATULATION,
        DocumentKind.CONDOLENCE)) {
      DocumentTemplate template = DocumentTemplates.load(kind);
      for (OfficialPosition position : OfficialPosition.values()) {
        Map<String, String> fields = new HashMap<>(SampleDocuments.allFields());
        fields.put(Signatories.CAPACITY, String.join("\n", capacities.lines(position)));
        DocumentText text = DocumentComposer.compose(template, fields, issuer, LocalDate.of(2026, 12, 1));
        assertThat(text.signer().lines()).as(kind + " signed by " + position).isEqualTo(capacities.lines(position));
        // the issuing body does not change with the signer
        assertThat(text.issuer().body()).isEqualTo("UBND PHƯỜNG ĐÔNG HÀ");
      }
    }
  }
}
