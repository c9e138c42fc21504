package vn.danvan.document;

import java.util.List;
import org.camunda.bpm.engine.impl.identity.Authentication;
import vn.danvan.identity.Roles;

/**
 * Who may read a stored document: the officials and auditors of its unit (members of the unit's
 * tenant with an official role or the auditor role), and administrators.
 */
final class DocumentAccess {

  private DocumentAccess() {}

  static boolean mayRead(Authentication user, String unit) {
    if (user == null) {
      return false;
    }
    List<String> groups = user.getGroupIds() == null ? List.of() : user.getGroupIds();
    if (groups.contains(Roles.ADMIN)) {
      return true;
    }
    List<String> tenants = user.getTenantIds() == null ? List.of() : user.getTenantIds();
    boolean official = groups.contains(Roles.AUDITOR) || groups.stream().anyMatch(Roles.OFFICIALS::contains);
    return official && tenants.contains(unit);
  }
}
