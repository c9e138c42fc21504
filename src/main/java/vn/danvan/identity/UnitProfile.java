package vn.danvan.identity;

import java.util.List;
import java.util.Optional;

/**
 * What the app keeps about a unit beyond its Camunda tenant: the unit above it (null for a
 * province), its officials who sign for the People's Committee, and the contact phone its letters
 * to citizens print (null if none is recorded), and its agency code (mã định danh of Circular
 * 10/2016/TT-BTTTT, "000.00.31.H48") that starts its dossier codes (null if none is recorded).
 */
public record UnitProfile(String code, String parent, List<UnitOfficial> officials, String contactPhone,
    String agencyCode) {

  public UnitProfile {
    officials = List.copyOf(officials);
  }

  /** A unit without a recorded agency code. */
  public UnitProfile(String code, String parent, List<UnitOfficial> officials, String contactPhone) {
    this(code, parent, officials, contactPhone, null);
  }

  /** A unit without a recorded contact phone. */
  public UnitProfile(String code, String parent, List<UnitOfficial> officials) {
    this(code, parent, officials, null);
  }

  /** A unit nobody has described yet: no parent, no officials. */
  static UnitProfile empty(String code) {
    return new UnitProfile(code, null, List.of());
  }

  /**
   * This description as the body of a {@code PUT}: every part kept (parent, officials with their
   * titles, phone, agency code), so that a change of one part, e.g.
   * {@code profile.asChange().withContactPhone(null)}, never clears the others by omission.
   */
  public UnitChange asChange() {
    return new UnitChange(parent, holder(OfficialPosition.CHAIRMAN).map(UnitProfile::appointment).orElse(null),
        all(OfficialPosition.VICE_CHAIRMAN).stream().map(UnitProfile::appointment).toList(),
        holder(OfficialPosition.ACTING_CHAIRMAN).map(UnitProfile::appointment).orElse(null), contactPhone, agencyCode);
  }

  private static UnitChange.Appointment appointment(UnitOfficial official) {
    return new UnitChange.Appointment(official.userId(), official.title());
  }

  public Optional<UnitOfficial> holder(OfficialPosition position) {
    return officials.stream().filter(o -> o.position() == position).findFirst();
  }

  public List<UnitOfficial> all(OfficialPosition position) {
    return officials.stream().filter(o -> o.position() == position).toList();
  }
}
