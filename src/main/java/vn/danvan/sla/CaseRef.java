package vn.danvan.sla;

import java.util.Objects;

/** Which case a clock belongs to: its key (e.g. a dossier code), process definition key and unit. */
public record CaseRef(String caseKey, String processKey, String unit) {

  public CaseRef {
    Objects.requireNonNull(caseKey, "caseKey");
    Objects.requireNonNull(processKey, "processKey");
    Objects.requireNonNull(unit, "unit");
  }
}
