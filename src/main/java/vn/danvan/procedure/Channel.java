package vn.danvan.procedure;

/** How a dossier reached the one-stop counter; online filings late in the day count from the next working day. */
public enum Channel {
  /** Handed in at the one-stop counter. */
  COUNTER("Trực tiếp tại Bộ phận Một cửa"),
  /** Filed on the public service portal. */
  ONLINE("Trực tuyến"),
  /** Sent by post (public postal service). */
  POSTAL("Qua dịch vụ bưu chính công ích");

  private final String label;

  Channel(String label) {
    this.label = label;
  }

  /** How the channel reads in Vietnamese, for the trail and officials. */
  public String label() {
    return label;
  }
}
