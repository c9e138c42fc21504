package vn.danvan.identity;

import java.util.function.Supplier;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.Tenant;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.cfg.TransactionState;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.identity.IdentityOperationResult;
import org.camunda.bpm.engine.impl.identity.WritableIdentityProvider;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;

/**
 * The engine's writable identity provider (whichever it is), telling {@link IdentityChanges} of
 * every write before it is made and again after its commit. Every write of the engine's identity
 * service goes through one of these methods; reads and password checks go through the engine's
 * read-only provider, untouched.
 */
final class ChangeCountingIdentityProvider implements WritableIdentityProvider {

  private final WritableIdentityProvider engine;
  private final IdentityChanges changes;
  /** One provider per command: its commit is listened to once. */
  private boolean listening;

  ChangeCountingIdentityProvider(WritableIdentityProvider engine, IdentityChanges changes) {
    this.engine = engine;
    this.changes = changes;
  }

  @Override
  public User createNewUser(String userId) {
    return engine.createNewUser(userId); // an object to fill in; saveUser writes it
  }

  @Override
  public IdentityOperationResult saveUser(User user) {
    return written(() -> engine.saveUser(user));
  }

  @Override
  public IdentityOperationResult deleteUser(String userId) {
    return written(() -> engine.deleteUser(userId));
  }

  @Override
  public IdentityOperationResult unlockUser(String userId) {
    return written(() -> engine.unlockUser(userId));
  }

  @Override
  public Group createNewGroup(String groupId) {
    return engine.createNewGroup(groupId);
  }

  @Override
  public IdentityOperationResult saveGroup(Group group) {
    return written(() -> engine.saveGroup(group));
  }

  @Override
  public IdentityOperationResult deleteGroup(String groupId) {
    return written(() -> engine.deleteGroup(groupId));
  }

  @Override
  public Tenant createNewTenant(String tenantId) {
    return engine.createNewTenant(tenantId);
  }

  @Override
  public IdentityOperationResult saveTenant(Tenant tenant) {
    return written(() -> engine.saveTenant(tenant));
  }

  @Override
  public IdentityOperationResult deleteTenant(String tenantId) {
    return written(() -> engine.deleteTenant(tenantId));
  }

  @Override
  public IdentityOperationResult createMembership(String userId, String groupId) {
    return written(() -> engine.createMembership(userId, groupId));
  }

  @Override
  public IdentityOperationResult deleteMembership(String userId, String groupId) {
    return written(() -> engine.deleteMembership(userId, groupId));
  }

  @Override
  public IdentityOperationResult createTenantUserMembership(String tenantId, String userId) {
    return written(() -> engine.createTenantUserMembership(tenantId, userId));
  }

  @Override
  public IdentityOperationResult createTenantGroupMembership(String tenantId, String groupId) {
    return written(() -> engine.createTenantGroupMembership(tenantId, groupId));
  }

  @Override
  public IdentityOperationResult deleteTenantUserMembership(String tenantId, String userId) {
    return written(() -> engine.deleteTenantUserMembership(tenantId, userId));
  }

  @Override
  public IdentityOperationResult deleteTenantGroupMembership(String tenantId, String groupId) {
    return written(() -> engine.deleteTenantGroupMembership(tenantId, groupId));
  }

  @Override
  public void flush() {
    engine.flush();
  }

  @Override
  public void close() {
    engine.close();
  }

  private IdentityOperationResult written(Supplier<IdentityOperationResult> write) {
    changes.changed();
    CommandContext command = Context.getCommandContext();
    if (command != null && !listening) {
      // what a node reads between this write and its commit is the old state: not to be kept either
      listening = true;
      command.getTransactionContext().addTransactionListener(TransactionState.COMMITTED, context -> changes.changed());
    }
    return write.get();
  }
}
