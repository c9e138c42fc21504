package vn.danvan.sla;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.core.io.ClassPathResource;

/** The dated clock policies: the bundled file, the version of the day of acceptance, invalid files refused. */
class ClockRuleBookTest {

  @Test
  void theOneStopDossierRestartsAndMayBeMovedOnce() {
    ClockPolicy policy = new ClockRuleBook(new ClassPathResource("sla/clock-rules.yaml"))
        .policy("ONE_STOP_DOSSIER", LocalDate.of(2026, 6, 30));
    assertThat(policy.resumeMode()).isEqualTo(ResumeMode.RESTART);
    assertThat(policy.maxExtensions()).isEqualTo(1);
    assertThat(policy.effectiveFrom()).isEqualTo(LocalDate.of(2025, 7, 1));
  }

  @Test
  void aCaseTakesTheVersionInForceOnItsAcceptanceDay() {
    ClockRuleBook book = book("""
        COMPLAINT:
          - {effectiveFrom: 2011-07-01, resumeMode: CONTINUE, maxExtensions: 0, basis: "Luật Khiếu nại 2011", source: V}
          - {effectiveFrom: 2026-07-01, resumeMode: CONTINUE, maxExtensions: 1, basis: "Luật 136/2025", source: S}
        """);
    assertThat(book.policy("COMPLAINT", LocalDate.of(2026, 6, 30)).maxExtensions()).isZero();
    assertThat(book.policy("COMPLAINT", LocalDate.of(2026, 7, 1)).maxExtensions()).isOne();
    assertThatThrownBy(() -> book.policy("COMPLAINT", LocalDate.of(2010, 1, 1))).hasMessageContaining("in force");
    assertThatThrownBy(() -> book.policy("PETITION", LocalDate.of(2026, 7, 1))).hasMessageContaining("PETITION");
  }

  @Test
  void invalidFilesAreRefused() {
    assertThatThrownBy(() -> book("X:\n  - {effectiveFrom: 2026-01-01, resumeMode: LATER, maxExtensions: 0, basis: b, source: S}\n"))
        .hasMessageContaining("X");
    assertThatThrownBy(() -> book("X:\n  - {effectiveFrom: 2026-01-01, resumeMode: RESTART, basis: b, source: S}\n"))
        .hasMessageContaining("maxExtensions");
    assertThatThrownBy(() -> book("X:\n  - {effectiveFrom: 2026-01-01, resumeMode: RESTART, maxExtensions: -1, basis: b, source: S}\n"))
        .hasMessageContaining("negative");
    assertThatThrownBy(() -> book("X:\n  - {effectiveFrom: 2026-01-01, resumeMode: RESTART, maxExtensions: 0, basis: b, source: S}\n"
        + "  - {effectiveFrom: 2026-01-01, resumeMode: CONTINUE, maxExtensions: 0, basis: b, source: S}\n"))
        .hasMessageContaining("same day");
    assertThatThrownBy(() -> book("- just a list\n")).hasMessageContaining("map");
  }

  private static ClockRuleBook book(String yaml) {
    return new ClockRuleBook(new ByteArrayResource(yaml.getBytes(java.nio.charset.StandardCharsets.UTF_8), "test rules"));
  }
}
