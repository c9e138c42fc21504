package vn.danvan.dossier;

import java.util.List;
import org.camunda.bpm.engine.impl.identity.Authentication;
import vn.danvan.identity.Roles;

/**
 * Who may do what with a dossier through the API: one-stop officers of its unit receive it, take
 * its supplement and record its withdrawal; the unit's officials and auditors (and administrators)
 * read it. The unit is the dossier's tenant; the user's units are the tenants of the request's
 * engine authentication.
 */
final class DossierAccess {

  private DossierAccess() {}

  /** A member of {@code one-stop-officer} who belongs to {@code unit}. */
  static boolean isOfficerOf(Authentication user, String unit) {
    return user != null && groups(user).contains(Roles.ONE_STOP_OFFICER) && tenants(user).contains(unit);
  }

  /** An official (any official role) or auditor of {@code unit}, or an administrator. */
  static boolean mayRead(Authentication user, String unit) {
    if (user == null) {
      return false;
    }
    List<String> groups = groups(user);
    if (groups.contains(Roles.ADMIN)) {
      return true;
    }
    boolean official = groups.contains(Roles.AUDITOR) || groups.stream().anyMatch(Roles.OFFICIALS::contains);
    return official && tenants(user).contains(unit);
  }

  private static List<String> groups(Authentication user) {
    return user.getGroupIds() == null ? List.of() : user.getGroupIds();
  }

  private static List<String> tenants(Authentication user) {
    return user.getTenantIds() == null ? List.of() : user.getTenantIds();
  }
}
