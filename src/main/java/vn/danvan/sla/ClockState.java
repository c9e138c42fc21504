package vn.danvan.sla;

/** Where a case clock stands. */
public enum ClockState {
  RUNNING("Đang tính thời hạn"), PAUSED("Tạm dừng tính thời hạn"), STOPPED("Đã kết thúc tính thời hạn");

  private final String label;

  ClockState(String label) {
    this.label = label;
  }

  /** Vietnamese, for people. */
  public String label() {
    return label;
  }
}
