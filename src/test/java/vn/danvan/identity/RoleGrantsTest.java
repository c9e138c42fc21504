package vn.danvan.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.authorization.Resources.DEPLOYMENT;
import static org.camunda.bpm.engine.authorization.Resources.PROCESS_DEFINITION;
import static org.camunda.bpm.engine.authorization.Resources.PROCESS_INSTANCE;
import static org.camunda.bpm.engine.authorization.Resources.TASK;

import java.util.List;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.junit.jupiter.api.Test;

/** What the seeded grants give: case data per process key only, nothing on every process or task. */
class RoleGrantsTest {

  final List<RoleGrants.Grant> grants = RoleGrants.all(ProcessGrants.load());

  @Test
  void noRoleReadsOrWorksOnEveryProcessOrTask() {
    assertThat(grants).noneMatch(g -> g.resourceId().equals("*") && g.resource() == TASK);
    assertThat(grants).filteredOn(g -> g.resourceId().equals("*") && g.resource() == PROCESS_DEFINITION)
        .allSatisfy(g -> {
          assertThat(g.groupId()).isEqualTo(Roles.PROCESS_OWNER);
          assertThat(g.permissions()).containsExactlyInAnyOrder(Permissions.READ, Permissions.UPDATE);
        });
    assertThat(grants).filteredOn(g -> g.resource() == PROCESS_INSTANCE)
        .allSatisfy(g -> assertThat(g.permissions()).containsExactly(Permissions.CREATE));
  }

  @Test
  void theMobilizationTeamHasNoGrantOnDossierApproval() {
    assertThat(grants).noneMatch(g -> g.groupId().equals(Roles.MOBILIZATION_TEAM) && g.resourceId().equals("dossierApproval"));
    assertThat(grants).noneMatch(g -> g.groupId().equals(Roles.INSPECTOR) && g.resourceId().equals("dossierApproval"));
  }

  @Test
  void onlyTheOneStopOfficerStartsADossierAndOnlyLeadersReassignItsTasks() {
    assertThat(grants).filteredOn(g -> g.resourceId().equals("dossierApproval")
        && g.permissions().contains(Permissions.CREATE_INSTANCE)).extracting(RoleGrants.Grant::groupId)
        .containsExactly(Roles.ONE_STOP_OFFICER);
    assertThat(grants).filteredOn(g -> g.resourceId().equals("dossierApproval")
        && g.permissions().contains(ProcessDefinitionPermissions.TASK_ASSIGN)).extracting(RoleGrants.Grant::groupId)
        .containsExactly(Roles.LEADER);
  }

  @Test
  void auditorsReadAndWriteNothing() {
    assertThat(grants).filteredOn(g -> g.groupId().equals(Roles.AUDITOR)).allSatisfy(g ->
        assertThat(g.permissions()).doesNotContain(Permissions.UPDATE, Permissions.CREATE, Permissions.DELETE,
            Permissions.CREATE_INSTANCE, Permissions.UPDATE_INSTANCE, Permissions.UPDATE_TASK, Permissions.TASK_WORK,
            Permissions.TASK_ASSIGN, ProcessDefinitionPermissions.UPDATE_INSTANCE_VARIABLE,
            ProcessDefinitionPermissions.UPDATE_TASK_VARIABLE));
  }

  @Test
  void processOwnersDeployButDeleteNothing() {
    assertThat(grants).filteredOn(g -> g.groupId().equals(Roles.PROCESS_OWNER) && g.resource() == DEPLOYMENT)
        .singleElement().satisfies(g -> assertThat(g.permissions()).containsExactlyInAnyOrder(Permissions.CREATE, Permissions.READ));
    assertThat(grants).filteredOn(g -> g.groupId().equals(Roles.PROCESS_OWNER))
        .allSatisfy(g -> assertThat(g.permissions()).doesNotContain(Permissions.READ_HISTORY, Permissions.DELETE));
  }
}
