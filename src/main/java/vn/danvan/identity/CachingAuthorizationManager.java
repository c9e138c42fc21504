package vn.danvan.identity;

import java.util.Date;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BooleanSupplier;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.db.CompositePermissionCheck;
import org.camunda.bpm.engine.impl.db.DbEntity;
import org.camunda.bpm.engine.impl.db.PermissionCheck;
import org.camunda.bpm.engine.impl.db.entitymanager.cache.DbEntityState;
import org.camunda.bpm.engine.impl.db.entitymanager.operation.DbOperation;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationEntity;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationManager;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.impl.cfg.TransactionState;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The engine's authorization manager with the two table-wide facts of {@link AuthorizationFacts}
 * taken from memory instead of being asked of the database in every command. Every check itself
 * is the engine's own, unchanged. Every write of an authorization passes here (the engine's
 * commands, its default task authorizations and Camunda Admin all use this manager), which is
 * where the facts are forgotten when a write could widen them.
 *
 * <p>One look-up is answered without the database: before it writes a new task's default
 * authorizations (its candidate groups', its assignee's), the engine asks whether one already
 * names the task. For a process's task created in this very command the answer is always "none":
 * its id was generated in this command, and nothing written in it is in the table before the
 * flush (the engine's own look-up could not see it either). A standalone task, whose id the
 * caller may choose, is still looked up.
 *
 * <p>And a check asked again in the same command is answered as the first time: a completion
 * checked against its form reads the task's form data (the engine checks READ_VARIABLE and READ on
 * the task) and then the form's variables (READ_VARIABLE again). This manager lives for one
 * command, whose writes reach the table only when it ends, and MyBatis answers a repeated query of
 * one command from its session cache anyway, but only after building the query's SQL again, most
 * of what a check costs. Any authorization this command writes or deletes forgets the answers.
 */
final class CachingAuthorizationManager extends AuthorizationManager {

  private static final String FACTS_SQL = "SELECT GROUP_ID_ AS groupId, MAX(CASE WHEN TYPE_ = 2 THEN 1 ELSE 0 END)"
      + " AS revokes FROM ACT_RU_AUTHORIZATION GROUP BY GROUP_ID_";

  private static final Logger LOG = LoggerFactory.getLogger(CachingAuthorizationManager.class);

  private final AuthorizationFacts facts;
  private AuthorizationFacts.Facts known;
  /** Checks this command asked, with the engine's answers. */
  private final Map<AskedCheck, Boolean> answered = new HashMap<>();

  CachingAuthorizationManager(AuthorizationFacts facts) {
    this.facts = facts;
  }

  private AuthorizationFacts.Facts facts() {
    if (known == null) {
      known = facts.get(this::load);
    }
    return known;
  }

  /** Both facts in one statement, on the command's own connection and transaction. */
  private AuthorizationFacts.Facts load() {
    Set<String> groups = new HashSet<>();
    boolean revokes = false;
    try (var statement = getDbSqlSession().getSqlSession().getConnection().prepareStatement(FACTS_SQL);
        var rows = statement.executeQuery()) {
      while (rows.next()) {
        String group = rows.getString(1);
        if (group != null) {
          groups.add(group);
        }
        revokes |= rows.getInt(2) == 1;
      }
    } catch (java.sql.SQLException e) {
      throw new org.camunda.bpm.engine.ProcessEngineException("could not read the authorization table", e);
    }
    return new AuthorizationFacts.Facts(groups, revokes);
  }

  @Override
  protected Set<String> getAllGroups() {
    if (availableAuthorizedGroupIds == null) {
      // read only: the engine copies it before intersecting it with the user's groups
      availableAuthorizedGroupIds = facts().groupsWithAuthorizations();
    }
    return availableAuthorizedGroupIds;
  }

  @Override
  protected boolean isRevokeAuthCheckEnabled(String userId, List<String> groupIds) {
    if (isRevokeAuthCheckUsed == null && isAutoRevokeMode() && !facts().anyRevoke()) {
      // nobody is revoked anything: the engine's per-user revoke query could only answer "no"
      isRevokeAuthCheckUsed = false;
    }
    return super.isRevokeAuthCheckEnabled(userId, groupIds);
  }

  private static boolean isAutoRevokeMode() {
    String mode = Context.getProcessEngineConfiguration().getAuthorizationCheckRevokes();
    return mode == null || ProcessEngineConfiguration.AUTHORIZATION_CHECK_REVOKE_AUTO.equalsIgnoreCase(mode);
  }

  @Override
  public boolean isAuthorized(String userId, List<String> groupIds, PermissionCheck check) {
    return answer(AskedCheck.of(userId, groupIds, check), () -> super.isAuthorized(userId, groupIds, check));
  }

  @Override
  public boolean isAuthorized(String userId, List<String> groupIds, CompositePermissionCheck check) {
    return answer(AskedCheck.of(userId, groupIds, check), () -> super.isAuthorized(userId, groupIds, check));
  }

  private boolean answer(AskedCheck asked, BooleanSupplier engine) {
    Boolean known = answered.get(asked);
    if (known == null) {
      known = engine.getAsBoolean();
      answered.put(asked, known);
    } else {
      // MyBatis would answer the repeated query from its session cache too, but only after
      // building its SQL again, which is what a check costs
      LOG.trace("authorization check answered as earlier in this command ({})", asked.what());
    }
    return known;
  }

  @Override
  public AuthorizationEntity findAuthorization(int type, String userId, String groupId, Resource resource,
      String resourceId) {
    if (resource != null && resource.resourceType() == Resources.TASK.resourceType() && resourceId != null) {
      var cached = getDbEntityManager().getDbEntityCache().getCachedEntity(TaskEntity.class, resourceId);
      if (cached != null && cached.getEntityState() == DbEntityState.TRANSIENT
          && ((TaskEntity) cached.getEntity()).getProcessInstanceId() != null) {
        return null;
      }
    }
    return super.findAuthorization(type, userId, groupId, resource, resourceId);
  }

  @Override
  public void insert(DbEntity authorization) {
    written(authorization);
    super.insert(authorization);
  }

  @Override
  public void update(AuthorizationEntity authorization) {
    written(authorization);
    super.update(authorization);
  }

  @Override
  public void delete(DbEntity authorization) {
    answered.clear();
    super.delete(authorization);
  }

  @Override
  public void deleteAuthorizationsByResourceId(Resource resource, String resourceId) {
    answered.clear();
    super.deleteAuthorizationsByResourceId(resource, resourceId);
  }

  @Override
  public void deleteAuthorizationsByResourceIdAndUserId(Resource resource, String resourceId, String userId) {
    answered.clear();
    super.deleteAuthorizationsByResourceIdAndUserId(resource, resourceId, userId);
  }

  @Override
  public void deleteAuthorizationsByResourceIdAndGroupId(Resource resource, String resourceId, String groupId) {
    answered.clear();
    super.deleteAuthorizationsByResourceIdAndGroupId(resource, resourceId, groupId);
  }

  @Override
  public DbOperation deleteAuthorizationsByRemovalTime(Date removalTime, int minuteFrom, int minuteTo, int batchSize) {
    answered.clear();
    return super.deleteAuthorizationsByRemovalTime(removalTime, minuteFrom, minuteTo, batchSize);
  }

  private void written(DbEntity entity) {
    answered.clear();
    if (entity instanceof AuthorizationEntity authorization
        && facts.widens(authorization.getGroupId(), authorization.getAuthorizationType(), facts())) {
      facts.forget();
      known = null;
      availableAuthorizedGroupIds = null;
      isRevokeAuthCheckUsed = null;
      CommandContext command = Context.getCommandContext();
      if (command != null) {
        // a node that read the table between this write and its commit would keep the old facts
        command.getTransactionContext().addTransactionListener(TransactionState.COMMITTED, context -> facts.forget());
      }
    }
  }
}
