package vn.danvan.document;

import java.util.Optional;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Tenant;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.stereotype.Component;
import vn.danvan.config.BadRequestException;

/**
 * The issuer of a unit's documents, from the unit's tenant name in Camunda ("Phường Đông Hà") and
 * its configured parent unit: "UBND TỈNH QUẢNG TRỊ" over "UBND PHƯỜNG ĐÔNG HÀ", place "Đông Hà".
 */
@Component
class UnitDirectory {

  static final String BODY_PREFIX = "UBND ";

  private final IdentityService identity;
  private final DocumentProperties properties;

  UnitDirectory(IdentityService identity, DocumentProperties properties) {
    this.identity = identity;
    this.properties = properties;
  }

  /** @throws BadRequestException (field {@code unit}) if no such unit exists */
  Issuer issuer(String unit) {
    String name = unitName(unit).orElseThrow(() -> new BadRequestException("unit", "Unknown unit '" + unit + "'"));
    String parent = properties.parentUnits().get(unit);
    String parentBody = parent == null ? null : unitName(parent).map(p -> BODY_PREFIX + DocumentFormats.upper(p)).orElse(null);
    return new Issuer(parentBody, BODY_PREFIX + DocumentFormats.upper(name), DocumentFormats.place(name),
        DocumentFormats.inText(name));
  }

  /**
   * The tenant's name. Read without the caller's authentication: a document is issued by the unit
   * whatever the current user may read in Camunda Admin.
   */
  private Optional<String> unitName(String unit) {
    if (unit == null || unit.isBlank()) {
      return Optional.empty();
    }
    Authentication caller = identity.getCurrentAuthentication();
    identity.clearAuthentication();
    try {
      Tenant tenant = identity.createTenantQuery().tenantId(unit).singleResult();
      return Optional.ofNullable(tenant).map(t -> t.getName() == null || t.getName().isBlank() ? t.getId() : t.getName());
    } finally {
      if (caller != null) {
        identity.setAuthentication(caller);
      }
    }
  }
}
