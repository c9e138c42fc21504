package vn.danvan.identity;

import java.util.List;

/**
 * What an administrator sets for a unit ({@code PUT /api/units/{code}}): the whole description at
 * once, so an absent chairman or an empty list of vice-chairmen means "none".
 *
 * @param parent the unit above (tenant id), null for a province
 * @param chairman the chairman, or null while the post is vacant
 * @param viceChairmen the vice-chairmen, in any order
 * @param actingChairman the acting chairman (quyền Chủ tịch), or null
 * @param contactPhone the unit's contact phone printed in its letters to citizens ("0233 3852 123"), or null
 * @param agencyCode the unit's agency code (Circular 10/2016/TT-BTTTT, "000.00.31.H48") that starts its
 *     dossier codes, or null
 */
public record UnitChange(String parent, Appointment chairman, List<Appointment> viceChairmen,
    Appointment actingChairman, String contactPhone, String agencyCode) {

  public UnitChange {
    viceChairmen = viceChairmen == null ? List.of() : viceChairmen;
  }

  /** A description without an agency code. */
  public UnitChange(String parent, Appointment chairman, List<Appointment> viceChairmen, Appointment actingChairman,
      String contactPhone) {
    this(parent, chairman, viceChairmen, actingChairman, contactPhone, null);
  }

  /** A description without a contact phone. */
  public UnitChange(String parent, Appointment chairman, List<Appointment> viceChairmen, Appointment actingChairman) {
    this(parent, chairman, viceChairmen, actingChairman, null);
  }

  /** The same description with these vice-chairmen. */
  public UnitChange withViceChairmen(List<Appointment> vices) {
    return new UnitChange(parent, chairman, vices, actingChairman, contactPhone, agencyCode);
  }

  /** The same description with this contact phone (null: none). */
  public UnitChange withContactPhone(String phone) {
    return new UnitChange(parent, chairman, viceChairmen, actingChairman, phone, agencyCode);
  }

  /** One official: their Camunda user id and the title they hold; a blank title gets the position's default. */
  public record Appointment(String userId, String title) {}
}
