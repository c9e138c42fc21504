package vn.danvan.identity;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.camunda.bpm.engine.impl.db.CompositePermissionCheck;
import org.camunda.bpm.engine.impl.db.PermissionCheck;

/**
 * What an authorization check asks, as a value: who (user and groups) and every permission,
 * resource and resource id of its checks, so that two checks that ask the same are equal. The
 * engine's check objects compare by identity and are built anew for every check.
 */
record AskedCheck(String userId, List<String> groupIds, Object checks) {

  static AskedCheck of(String userId, List<String> groupIds, PermissionCheck check) {
    return new AskedCheck(userId, copy(groupIds), atomic(check));
  }

  static AskedCheck of(String userId, List<String> groupIds, CompositePermissionCheck check) {
    return new AskedCheck(userId, copy(groupIds), composite(check));
  }

  /** Permissions and resource types only, for the log: no user or resource id. */
  String what() {
    return checks.toString();
  }

  private static List<String> copy(List<String> groupIds) {
    // the caller's list may change after the check; null (no groups) is a key of its own
    return groupIds == null ? null : Collections.unmodifiableList(new ArrayList<>(groupIds));
  }

  private record Atomic(String permission, int perms, int resourceType, String resourceId, String resourceIdQueryParam,
      Long notFoundAnswer) {
    @Override
    public String toString() {
      return permission + " on resource type " + resourceType;
    }
  }

  private record Composite(boolean disjunctive, List<Atomic> atomic, List<Composite> composite) {
    @Override
    public String toString() {
      return (disjunctive ? "any of " : "all of ") + atomic + (composite.isEmpty() ? "" : " and " + composite);
    }
  }

  private static Atomic atomic(PermissionCheck check) {
    return new Atomic(check.getPermission() == null ? null : check.getPermission().getName(), check.getPerms(),
        check.getResourceType(), check.getResourceId(), check.getResourceIdQueryParam(),
        check.getAuthorizationNotFoundReturnValue());
  }

  private static Composite composite(CompositePermissionCheck check) {
    List<PermissionCheck> atomic = check.getAtomicChecks() == null ? List.of() : check.getAtomicChecks();
    List<CompositePermissionCheck> composite = check.getCompositeChecks() == null ? List.of() : check.getCompositeChecks();
    return new Composite(check.isDisjunctive(), atomic.stream().map(AskedCheck::atomic).toList(),
        composite.stream().map(AskedCheck::composite).toList());
  }
}
