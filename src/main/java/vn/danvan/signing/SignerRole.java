package vn.danvan.signing;

/** Who signs a result: the approving leader personally and then the unit's seal, or the seal alone. */
public enum SignerRole {
  LEADER_AND_UNIT,
  UNIT
}
