package vn.danvan.procedure;

/** The level of government that decides a procedure: since 01/7/2025 there is no district level (docs/legal-rules.md §0). */
public enum CompetentLevel {
  /** Commune, ward or special zone (cấp xã). */
  COMMUNE,
  /** Province (cấp tỉnh), e.g. its land registration office. */
  PROVINCE
}
