package vn.danvan.identity;

import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Seeds what every installation needs, on every start and idempotently: the role groups with their
 * authorizations, the shared Tasklist filters and the administrator account. Units and users are the
 * operator's (Camunda Admin), or the demo profile's ({@link DemoIdentitySeeder}).
 */
@Component
@Order(10)
class IdentitySeeder implements EngineSeed {

  private static final Logger LOG = LoggerFactory.getLogger(IdentitySeeder.class);

  private final AdminAccountProperties admin;
  private final TasklistFilterSeeder filters;
  private final ProcessGrants processGrants;

  IdentitySeeder(AdminAccountProperties admin, Environment environment, ProcessGrants processGrants) {
    // Checked when the bean is created, before the engine touches the database.
    AdminAccountPolicy.check(admin, environment.acceptsProfiles(Profiles.of("demo")));
    this.admin = admin;
    this.filters = new TasklistFilterSeeder();
    this.processGrants = processGrants;
  }

  @Override
  public void seed(ProcessEngine engine) {
    IdentityService identity = engine.getIdentityService();
    AuthorizationService authorizations = engine.getAuthorizationService();
    Roles.NAMES.forEach((id, name) -> ensureGroup(identity, id, name));
    var grants = RoleGrants.all(processGrants);
    grants.forEach(grant -> ensureGrant(authorizations, grant));
    RoleGrants.retired().forEach(grant -> revokeUnlessGranted(authorizations, grant, grants));
    ensureAdministrator(identity, authorizations);
    filters.seed(engine);
  }

  private static void ensureGroup(IdentityService identity, String id, String name) {
    if (identity.createGroupQuery().groupId(id).count() == 0) {
      Group group = identity.newGroup(id);
      group.setName(name);
      group.setType(Roles.ADMIN.equals(id) ? Groups.GROUP_TYPE_SYSTEM : Groups.GROUP_TYPE_WORKFLOW);
      identity.saveGroup(group);
    }
  }

  /** Adds missing permissions to the group's grant; never removes what an operator added. */
  static void ensureGrant(AuthorizationService authorizations, RoleGrants.Grant grant) {
    Authorization existing = authorizations.createAuthorizationQuery()
        .groupIdIn(grant.groupId()).resourceType(grant.resource()).resourceId(grant.resourceId())
        .authorizationType(AUTH_TYPE_GRANT).singleResult();
    Authorization authorization = existing != null ? existing : authorizations.createNewAuthorization(AUTH_TYPE_GRANT);
    if (existing == null) {
      authorization.setGroupId(grant.groupId());
      authorization.setResource(grant.resource());
      authorization.setResourceId(grant.resourceId());
    }
    boolean changed = existing == null;
    for (var permission : grant.permissions()) {
      if (!authorization.isPermissionGranted(permission)) {
        authorization.addPermission(permission);
        changed = true;
      }
    }
    if (changed) {
      authorizations.saveAuthorization(authorization);
    }
  }

  /**
   * Takes a retired wildcard grant's permissions away from the group, except those the current
   * grants still give on the same resource.
   */
  static void revokeUnlessGranted(AuthorizationService authorizations, RoleGrants.Grant retired,
      java.util.List<RoleGrants.Grant> current) {
    Authorization existing = authorizations.createAuthorizationQuery()
        .groupIdIn(retired.groupId()).resourceType(retired.resource()).resourceId(retired.resourceId())
        .authorizationType(AUTH_TYPE_GRANT).singleResult();
    if (existing == null) {
      return;
    }
    boolean changed = false;
    for (var permission : retired.permissions()) {
      boolean stillGranted = current.stream().anyMatch(g -> g.groupId().equals(retired.groupId())
          && g.resource().resourceType() == retired.resource().resourceType()
          && g.resourceId().equals(retired.resourceId()) && g.permissions().contains(permission));
      if (!stillGranted && existing.isPermissionGranted(permission)) {
        existing.removePermission(permission);
        changed = true;
      }
    }
    if (!changed) {
      return;
    }
    authorizations.saveAuthorization(existing); // an emptied grant grants nothing; kept for Admin's history
    LOG.info("Revoked retired wildcard permissions of group '{}' on {} '*'", retired.groupId(), retired.resource().resourceName());
  }

  private void ensureAdministrator(IdentityService identity, AuthorizationService authorizations) {
    for (Resources resource : Resources.values()) {
      ensureGrant(authorizations, new RoleGrants.Grant(Roles.ADMIN, resource, "*", java.util.List.of(Permissions.ALL)));
    }
    if (identity.createUserQuery().userId(admin.user()).count() > 0) {
      return; // the password may have been changed in Admin since; keep it
    }
    User user = identity.newUser(admin.user());
    user.setFirstName("Quản trị");
    user.setLastName("hệ thống");
    AdminAccountPolicy.checkAgainstEnginePolicy(identity, admin.password(), user);
    user.setPassword(admin.password());
    identity.saveUser(user);
    identity.createMembership(admin.user(), Roles.ADMIN);
    LOG.info("Created administrator account '{}'", admin.user());
  }
}
