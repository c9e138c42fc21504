package vn.danvan.identity;

import java.time.Duration;
import java.util.Optional;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Tenant;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import vn.danvan.config.KeptBriefly;

/**
 * The names of units, from their tenants in Camunda ("Phường Đông Hà"). Read without the caller's
 * authentication: documents, signatures and messages name the unit whatever the current user may
 * read in Camunda Admin.
 */
@Component
public class UnitNames {

  private final IdentityService identity;
  private final KeptBriefly<Optional<String>> names;

  UnitNames(IdentityService identity, IdentityChanges identityChanges,
      @Value("${danvan.performance.unit-cache:PT30S}") Duration unitCache) {
    this.identity = identity;
    this.names = new KeptBriefly<>(unitCache, System::nanoTime, identityChanges::generation);
  }

  /**
   * The tenant's name (its id where it has none); empty if no such unit exists. Kept briefly
   * ({@link KeptBriefly}): a unit renamed in Camunda Admin counts at once on this node
   * ({@link IdentityChanges}), on other nodes within the unit cache's time.
   */
  public Optional<String> name(String unit) {
    if (unit == null || unit.isBlank()) {
      return Optional.empty();
    }
    return names.get(unit, () -> {
      Tenant tenant = AsSystem.read(identity, () -> identity.createTenantQuery().tenantId(unit).singleResult());
      return Optional.ofNullable(tenant).map(t -> t.getName() == null || t.getName().isBlank() ? t.getId() : t.getName());
    }, Optional::isPresent);
  }

  /** The name, or the unit's id if it has no tenant. */
  public String nameOrId(String unit) {
    return name(unit).orElse(unit);
  }
}
