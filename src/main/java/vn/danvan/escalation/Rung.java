package vn.danvan.escalation;

/**
 * A rung of the escalation ladder, lowest first: who is asked to get an overrunning step done. The
 * official is resolved when the rung opens (see {@link RungOfficials}), never written in a diagram.
 */
public enum Rung {
  /** Whoever holds the step: its assignee, else its candidate group. Reminded; no task of its own. */
  OFFICER("Cán bộ đang xử lý"),
  /** A vice-chairman of the case's unit. */
  VICE_CHAIRMAN("Phó Chủ tịch"),
  /** Who heads the case's unit: the acting chairman while there is one, else the chairman. */
  CHAIRMAN("Chủ tịch"),
  /** Who heads the unit above the case's unit. */
  PROVINCE("Lãnh đạo cấp trên");

  private final String label;

  Rung(String label) {
    this.label = label;
  }

  /** The rung as officials read it. */
  public String label() {
    return label;
  }
}
