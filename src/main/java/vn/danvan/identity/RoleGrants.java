package vn.danvan.identity;

import static org.camunda.bpm.engine.authorization.Permissions.ACCESS;
import static org.camunda.bpm.engine.authorization.Permissions.CREATE;
import static org.camunda.bpm.engine.authorization.Permissions.CREATE_INSTANCE;
import static org.camunda.bpm.engine.authorization.Permissions.DELETE;
import static org.camunda.bpm.engine.authorization.Permissions.READ;
import static org.camunda.bpm.engine.authorization.Permissions.READ_HISTORY;
import static org.camunda.bpm.engine.authorization.Permissions.READ_INSTANCE;
import static org.camunda.bpm.engine.authorization.Permissions.READ_TASK;
import static org.camunda.bpm.engine.authorization.Permissions.UPDATE;
import static org.camunda.bpm.engine.authorization.Resources.APPLICATION;
import static org.camunda.bpm.engine.authorization.Resources.DECISION_DEFINITION;
import static org.camunda.bpm.engine.authorization.Resources.DECISION_REQUIREMENTS_DEFINITION;
import static org.camunda.bpm.engine.authorization.Resources.DEPLOYMENT;
import static org.camunda.bpm.engine.authorization.Resources.GROUP;
import static org.camunda.bpm.engine.authorization.Resources.OPERATION_LOG_CATEGORY;
import static org.camunda.bpm.engine.authorization.Resources.PROCESS_DEFINITION;
import static org.camunda.bpm.engine.authorization.Resources.PROCESS_INSTANCE;
import static org.camunda.bpm.engine.authorization.Resources.TASK;
import static org.camunda.bpm.engine.authorization.Resources.TENANT;
import static org.camunda.bpm.engine.authorization.Resources.USER;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.UserOperationLogCategoryPermissions;

/**
 * What each role may do, granted on every resource ({@code *}) of a type. Which unit's cases a user
 * sees is not decided here but by tenant membership (the engine's tenant check).
 *
 * <p>Officials get no global task permission: the engine grants a group the right to work on a
 * task when the task names it as candidate group, so a specialist sees specialist tasks of their
 * unit and not the leader's. Leaders and auditors read every task of their unit.
 */
public final class RoleGrants {

  /** One grant: a role may do {@code permissions} on every resource of {@code resource}. */
  public record Grant(String groupId, Resource resource, String resourceId, List<Permission> permissions) {}

  private RoleGrants() {}

  public static List<Grant> all() {
    List<Grant> grants = new ArrayList<>();
    for (String official : Roles.OFFICIALS) {
      grants.add(grant(official, APPLICATION, "tasklist", ACCESS));
      grants.add(grant(official, PROCESS_DEFINITION, "*", READ, CREATE_INSTANCE, READ_HISTORY));
      grants.add(grant(official, PROCESS_INSTANCE, "*", CREATE));
      grants.add(grant(official, DECISION_DEFINITION, "*", READ));
      grants.addAll(directoryReading(official));
    }
    grants.add(grant(Roles.LEADER, APPLICATION, "cockpit", ACCESS));
    grants.add(grant(Roles.LEADER, TASK, "*", READ, UPDATE));
    grants.add(grant(Roles.LEADER, PROCESS_INSTANCE, "*", READ));
    grants.add(grant(Roles.LEADER, PROCESS_DEFINITION, "*", READ_INSTANCE, READ_TASK));

    // Auditors read everything of their units and change nothing.
    grants.add(grant(Roles.AUDITOR, APPLICATION, "cockpit", ACCESS));
    grants.add(grant(Roles.AUDITOR, APPLICATION, "tasklist", ACCESS));
    grants.add(grant(Roles.AUDITOR, PROCESS_DEFINITION, "*", READ, READ_HISTORY, READ_INSTANCE, READ_TASK));
    grants.add(grant(Roles.AUDITOR, PROCESS_INSTANCE, "*", READ));
    grants.add(grant(Roles.AUDITOR, TASK, "*", READ));
    grants.add(grant(Roles.AUDITOR, DECISION_DEFINITION, "*", READ, READ_HISTORY));
    grants.add(grant(Roles.AUDITOR, DECISION_REQUIREMENTS_DEFINITION, "*", READ));
    grants.add(grant(Roles.AUDITOR, DEPLOYMENT, "*", READ));
    grants.add(grant(Roles.AUDITOR, OPERATION_LOG_CATEGORY, "*", UserOperationLogCategoryPermissions.READ));
    grants.addAll(directoryReading(Roles.AUDITOR));

    // Process owners deploy diagrams, decision tables and forms (from Camunda Modeler).
    grants.add(grant(Roles.PROCESS_OWNER, APPLICATION, "cockpit", ACCESS));
    grants.add(grant(Roles.PROCESS_OWNER, APPLICATION, "tasklist", ACCESS));
    grants.add(grant(Roles.PROCESS_OWNER, DEPLOYMENT, "*", CREATE, READ));
    grants.add(grant(Roles.PROCESS_OWNER, PROCESS_DEFINITION, "*", READ, UPDATE, READ_HISTORY));
    grants.add(grant(Roles.PROCESS_OWNER, DECISION_DEFINITION, "*", READ, UPDATE, READ_HISTORY));
    grants.add(grant(Roles.PROCESS_OWNER, DECISION_REQUIREMENTS_DEFINITION, "*", READ));
    grants.addAll(directoryReading(Roles.PROCESS_OWNER));
    return grants;
  }

  /** Tasklist shows names of users, groups and units next to tasks. */
  private static List<Grant> directoryReading(String groupId) {
    return List.of(grant(groupId, USER, "*", READ), grant(groupId, GROUP, "*", READ), grant(groupId, TENANT, "*", READ));
  }

  private static Grant grant(String groupId, Resource resource, String resourceId, Permission... permissions) {
    return new Grant(groupId, resource, resourceId, List.of(permissions));
  }
}
