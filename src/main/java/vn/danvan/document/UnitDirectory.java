package vn.danvan.document;

import org.springframework.stereotype.Component;
import vn.danvan.config.BadRequestException;
import vn.danvan.identity.UnitNames;
import vn.danvan.identity.UnitOfficials;

/**
 * The issuer of a unit's documents, from the unit's tenant name in Camunda ("Phường Đông Hà") and
 * its parent unit as {@link UnitOfficials} records it: "UBND TỈNH QUẢNG TRỊ" over "UBND PHƯỜNG ĐÔNG HÀ", place "Đông Hà".
 */
@Component
class UnitDirectory {

  static final String BODY_PREFIX = "UBND ";

  private final UnitNames units;
  private final UnitOfficials officials;

  UnitDirectory(UnitNames units, UnitOfficials officials) {
    this.units = units;
    this.officials = officials;
  }

  /** @throws BadRequestException (field {@code unit}) if no such unit exists */
  Issuer issuer(String unit) {
    String name = units.name(unit).orElseThrow(() -> new BadRequestException("unit", "Unknown unit '" + unit + "'"));
    String parent = officials.parent(unit).orElse(null);
    String parentBody = parent == null ? null : units.name(parent).map(p -> BODY_PREFIX + DocumentFormats.upper(p)).orElse(null);
    return new Issuer(parentBody, BODY_PREFIX + DocumentFormats.upper(name), DocumentFormats.place(name),
        DocumentFormats.inText(name));
  }
}
