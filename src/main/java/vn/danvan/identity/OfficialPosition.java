package vn.danvan.identity;

/**
 * The position an official holds in the People's Committee of a unit, which decides the capacity
 * they sign in (Decree 30/2020, Art. 13): the chairman for the committee, a vice-chairman on the
 * chairman's behalf, an acting chairman while the post is held ad interim.
 */
public enum OfficialPosition {
  CHAIRMAN("Chủ tịch"),
  VICE_CHAIRMAN("Phó Chủ tịch"),
  ACTING_CHAIRMAN("Quyền Chủ tịch");

  private final String defaultTitle;

  OfficialPosition(String defaultTitle) {
    this.defaultTitle = defaultTitle;
  }

  /** The title recorded when an administrator gives none. */
  public String defaultTitle() {
    return defaultTitle;
  }
}
