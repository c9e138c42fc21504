package vn.danvan.identity;

/** Names shared by every process about the administrative unit a case belongs to. */
public final class Units {

  /** Process variable naming the unit (tenant id) a new case is for. */
  public static final String VAR_UNIT_CODE = "unitCode";

  private Units() {}
}
