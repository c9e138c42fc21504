package vn.danvan.document;

import org.springframework.stereotype.Component;
import vn.danvan.config.BadRequestException;
import vn.danvan.identity.UnitNames;

/**
 * The issuer of a unit's documents, from the unit's tenant name in Camunda ("Phường Đông Hà") and
 * its configured parent unit: "UBND TỈNH QUẢNG TRỊ" over "UBND PHƯỜNG ĐÔNG HÀ", place "Đông Hà".
 */
@Component
class UnitDirectory {

  static final String BODY_PREFIX = "UBND ";

  private final UnitNames units;
  private final DocumentProperties properties;

  UnitDirectory(UnitNames units, DocumentProperties properties) {
    this.units = units;
    this.properties = properties;
  }

  /** @throws BadRequestException (field {@code unit}) if no such unit exists */
  Issuer issuer(String unit) {
    String name = units.name(unit).orElseThrow(() -> new BadRequestException("unit", "Unknown unit '" + unit + "'"));
    String parent = properties.parentUnits().get(unit);
    String parentBody = parent == null ? null : units.name(parent).map(p -> BODY_PREFIX + DocumentFormats.upper(p)).orElse(null);
    return new Issuer(parentBody, BODY_PREFIX + DocumentFormats.upper(name), DocumentFormats.place(name),
        DocumentFormats.inText(name));
  }
}
