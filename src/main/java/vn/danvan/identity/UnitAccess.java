package vn.danvan.identity;

import java.util.List;
import org.camunda.bpm.engine.impl.identity.Authentication;

/**
 * Who may see and act on a unit's cases through our API, from the request's engine authentication
 * (groups are roles, tenants are units): the officials (any official role) and auditors of the
 * unit read; administrators read every unit; one-stop officers of the unit act at the counter.
 */
public final class UnitAccess {

  private UnitAccess() {}

  /** An official (any official role) or auditor of {@code unit}, or an administrator. */
  public static boolean mayRead(Authentication user, String unit) {
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

  /** A member of {@code one-stop-officer} who belongs to {@code unit}. */
  public static boolean isOneStopOfficerOf(Authentication user, String unit) {
    return user != null && groups(user).contains(Roles.ONE_STOP_OFFICER) && tenants(user).contains(unit);
  }

  private static List<String> groups(Authentication user) {
    return user.getGroupIds() == null ? List.of() : user.getGroupIds();
  }

  private static List<String> tenants(Authentication user) {
    return user.getTenantIds() == null ? List.of() : user.getTenantIds();
  }
}
