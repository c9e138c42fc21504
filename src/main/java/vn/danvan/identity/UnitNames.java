package vn.danvan.identity;

import java.util.Optional;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Tenant;
import org.springframework.stereotype.Component;

/**
 * The names of units, from their tenants in Camunda ("Phường Đông Hà"). Read without the caller's
 * authentication: documents, signatures and messages name the unit whatever the current user may
 * read in Camunda Admin.
 */
@Component
public class UnitNames {

  private final IdentityService identity;

  UnitNames(IdentityService identity) {
    this.identity = identity;
  }

  /** The tenant's name (its id where it has none); empty if no such unit exists. */
  public Optional<String> name(String unit) {
    if (unit == null || unit.isBlank()) {
      return Optional.empty();
    }
    Tenant tenant = AsSystem.read(identity, () -> identity.createTenantQuery().tenantId(unit).singleResult());
    return Optional.ofNullable(tenant).map(t -> t.getName() == null || t.getName().isBlank() ? t.getId() : t.getName());
  }

  /** The name, or the unit's id if it has no tenant. */
  public String nameOrId(String unit) {
    return name(unit).orElse(unit);
  }
}
