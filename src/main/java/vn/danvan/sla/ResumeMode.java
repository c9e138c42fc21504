package vn.danvan.sla;

/** What the clock does when a paused case resumes. */
public enum ResumeMode {
  /**
   * The deadline counts again from zero from the resumption (one-stop supplement: the statutory
   * clock restarts when the dossier becomes complete, Decree 118/2025).
   */
  RESTART,
  /**
   * The time left when the case was paused carries on from the resumption (suspension of a
   * complaint: the suspended time does not count towards the deadline).
   */
  CONTINUE
}
