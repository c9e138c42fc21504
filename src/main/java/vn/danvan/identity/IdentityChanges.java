package vn.danvan.identity;

import java.util.concurrent.atomic.AtomicLong;
import org.springframework.stereotype.Component;

/**
 * Counts the writes to users, groups, tenants and their memberships through this node's engine
 * (Camunda Admin, the engine's REST API, the unit administration, the seeders), so that what a node
 * keeps of someone's identity (the remembered Basic logins, the names of officials and units on
 * documents) is not used after a change: a changed password, a removed user or membership, a new
 * name counts on this node at once. A write counts when it is made and again after its commit, so
 * that what was read between the two (the old, still committed state) is not kept either. Told by
 * the {@link ChangeCountingIdentityProvider} that {@link IdentityChangesPlugin} installs.
 */
@Component
public class IdentityChanges {

  private final AtomicLong generation = new AtomicLong();

  /** Changes with every identity write; what was read of an identity under another value is stale. */
  public long generation() {
    return generation.get();
  }

  void changed() {
    generation.incrementAndGet();
  }
}
