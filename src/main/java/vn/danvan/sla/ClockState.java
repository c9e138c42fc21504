package vn.danvan.sla;

/** Where a case clock stands. */
public enum ClockState {
  RUNNING, PAUSED, STOPPED
}
