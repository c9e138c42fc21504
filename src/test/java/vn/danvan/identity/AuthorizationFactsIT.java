package vn.danvan.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.identity.Group;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.danvan.support.PostgresIntegrationTest;

/**
 * The engine's authorization checks with {@link AuthorizationFacts} kept in memory, on PostgreSQL:
 * an authorization written through the engine counts in the very next check (a REVOKE, a group's
 * first grant, their removal), while one written into the table behind the engine's back (as by
 * another node of a cluster) counts only once the facts' time to live has run out.
 */
@PostgresIntegrationTest
class AuthorizationFactsIT {

  private static final String USER = "dongha.officer";
  private static final String PROCESS = "dossierApproval";

  @Autowired AuthorizationService authorizations;
  @Autowired IdentityService identity;
  @Autowired RepositoryService repository;
  @Autowired JdbcTemplate jdbc;

  @AfterEach
  void removeProbes() {
    identity.clearAuthentication();
    authorizations.createAuthorizationQuery().userIdIn(USER, "probe.user").list().stream()
        .filter(a -> PROCESS.equals(a.getResourceId()) || "probe.user".equals(a.getUserId()))
        .forEach(a -> authorizations.deleteAuthorization(a.getId()));
    authorizations.createAuthorizationQuery().groupIdIn("probe-group").list()
        .forEach(a -> authorizations.deleteAuthorization(a.getId()));
    jdbc.update("DELETE FROM ACT_RU_AUTHORIZATION WHERE ID_ = 'probe-behind-the-engine'");
    if (identity.createUserQuery().userId("probe.user").count() > 0) {
      identity.deleteUser("probe.user");
    }
    if (identity.createGroupQuery().groupId("probe-group").count() > 0) {
      identity.deleteGroup("probe-group");
    }
  }

  /** How many versions of the dossier process the user may read, as the engine answers them. */
  private long visibleAs(String user) {
    List<String> groups = identity.createGroupQuery().groupMember(user).list().stream().map(Group::getId).toList();
    identity.setAuthentication(user, groups);
    try {
      return repository.createProcessDefinitionQuery().processDefinitionKey(PROCESS).count();
    } finally {
      identity.clearAuthentication();
    }
  }

  private Authorization revokeRead(String user) {
    Authorization revoke = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_REVOKE);
    revoke.setUserId(user);
    revoke.setResource(Resources.PROCESS_DEFINITION);
    revoke.setResourceId(PROCESS);
    revoke.removePermission(Permissions.READ);
    return authorizations.saveAuthorization(revoke);
  }

  /** The probe group's first authorization: READ on the dossier process. */
  private void grantProbeGroupRead() {
    Authorization grant = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
    grant.setGroupId("probe-group");
    grant.setResource(Resources.PROCESS_DEFINITION);
    grant.setResourceId(PROCESS);
    grant.addPermission(Permissions.READ);
    authorizations.saveAuthorization(grant);
  }

  @Test
  void aRevokeWrittenThroughTheEngineCountsInTheNextCheck() {
    long versions = visibleAs(USER);
    assertThat(versions).as("versions the officer reads before").isPositive();
    Authorization revoke = revokeRead(USER);
    assertThat(visibleAs(USER)).as("right after the REVOKE").isZero();
    authorizations.deleteAuthorization(revoke.getId());
    assertThat(visibleAs(USER)).isEqualTo(versions);
  }

  @Test
  void aGroupsFirstGrantCountsInTheNextCheck() {
    identity.saveUser(identity.newUser("probe.user"));
    identity.saveGroup(identity.newGroup("probe-group"));
    identity.createMembership("probe.user", "probe-group");
    assertThat(visibleAs("probe.user")).isZero();

    grantProbeGroupRead();
    assertThat(visibleAs("probe.user")).as("right after the group's first grant").isPositive();
  }

  @Test
  void aRevokeWrittenBehindTheEnginesBackCountsWithinTheTimeToLive() throws InterruptedException {
    // a group's first grant through the engine: the facts are forgotten, and the next check reads them afresh
    grantProbeGroupRead();
    long versions = visibleAs(USER);
    assertThat(versions).isPositive();
    // the table as another node would change it: no write passes through this node's engine
    jdbc.update("INSERT INTO ACT_RU_AUTHORIZATION (ID_, REV_, TYPE_, USER_ID_, RESOURCE_TYPE_, RESOURCE_ID_, PERMS_)"
        + " VALUES ('probe-behind-the-engine', 1, 2, ?, ?, ?, ?)", USER, Resources.PROCESS_DEFINITION.resourceType(),
        PROCESS, ~Permissions.READ.getValue());
    long since = System.nanoTime();
    long seen = visibleAs(USER);
    if ((System.nanoTime() - since) < 4_000_000_000L) {
      assertThat(seen).as("within the time to live the facts say: no REVOKE exists").isEqualTo(versions);
    }
    long deadline = System.nanoTime() + 10_000_000_000L;
    while (visibleAs(USER) != 0 && System.nanoTime() < deadline) {
      Thread.sleep(200);
    }
    assertThat(visibleAs(USER)).as("after the time to live (PT5S)").isZero();
  }
}
