package vn.danvan.document;

import java.util.HashMap;
import java.util.Map;
import org.springframework.stereotype.Component;
import vn.danvan.config.BadRequestException;
import vn.danvan.identity.UnitOfficial;
import vn.danvan.identity.UnitOfficials;

/**
 * The signer's placeholders of a document signed by an official of the unit: {@code {signerName}}
 * and {@code {signerCapacity}}, the lines of their position from {@link SigningCapacities}. The
 * position is the one {@link UnitOfficials} records today for the unit that issues the document.
 */
@Component
class Signatories {

  static final String NAME = "signerName";
  static final String CAPACITY = "signerCapacity";

  private final UnitOfficials officials;
  private final SigningCapacities capacities;

  Signatories(UnitOfficials officials, SigningCapacities capacities) {
    this.officials = officials;
    this.capacities = capacities;
  }

  /**
   * The request's fields with the signer's name and capacity set (over any the caller gave).
   *
   * @throws BadRequestException (field {@code signer}) if the user holds no position in the unit:
   *     only the chairman, a vice-chairman or the acting chairman sign for the committee
   */
  Map<String, String> withSigner(String unit, String userId, Map<String, String> fields) {
    UnitOfficial official = official(unit, userId);
    Map<String, String> values = new HashMap<>(fields);
    values.put(NAME, officials.fullName(userId).orElse(userId));
    values.put(CAPACITY, String.join("\n", capacities.lines(official.position())));
    return values;
  }

  /**
   * The signer's position in the unit.
   *
   * @throws BadRequestException (field {@code signer}) if the user holds no position in the unit
   */
  UnitOfficial official(String unit, String userId) {
    return officials.official(unit, userId).orElseThrow(() -> new BadRequestException("signer",
        "User '" + userId + "' holds no position (chairman, vice-chairman, acting chairman) in unit '" + unit
            + "' and cannot sign for its People's Committee"));
  }
}
