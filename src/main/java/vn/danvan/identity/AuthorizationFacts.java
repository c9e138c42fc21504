package vn.danvan.identity;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * Two facts about the authorization table that the engine asks the database for in every command
 * that checks authorizations, kept for a short time on this node: which groups have any
 * authorization at all, and whether any REVOKE authorization exists.
 *
 * <p>The engine uses the first to leave a user's groups without authorizations out of its checks,
 * and the second (with {@code authorizationCheckRevokes: auto}) to leave out the revoke part of
 * every check when nobody is revoked anything. Both questions scan the whole
 * {@code ACT_RU_AUTHORIZATION} table, which holds a row per candidate group and assignee of every
 * open task, so their cost grows with the number of open dossiers.
 *
 * <p>Why a stale answer is safe: a group missing from the set only loses grants (access denied, not
 * given); a REVOKE missed is the one case that grants too much, so any authorization written
 * through this node's engine that adds a group or a REVOKE forgets both facts at once and again
 * after its commit ({@link #forget}). A REVOKE created on another node of a cluster counts here
 * within the time to live ({@code danvan.performance.authorization-cache}, PT5S); deleted
 * authorizations only make the facts broader than needed, which costs a query and is never wrong.
 */
public final class AuthorizationFacts {

  /** What the database answered: groups having an authorization, and whether any REVOKE exists. */
  public record Facts(Set<String> groupsWithAuthorizations, boolean anyRevoke) {
    public Facts {
      groupsWithAuthorizations = Set.copyOf(groupsWithAuthorizations);
    }
  }

  private final long timeToLiveNanos;
  private final LongSupplier nanoTime;
  private final AtomicLong generation = new AtomicLong();
  private volatile Loaded loaded;

  private record Loaded(Facts facts, long atNanos, long generation) {}

  public AuthorizationFacts(Duration timeToLive, LongSupplier nanoTime) {
    this.timeToLiveNanos = timeToLive.toNanos();
    this.nanoTime = nanoTime;
  }

  /** Whether facts are kept at all (a time to live of zero means: ask the database every time). */
  public boolean enabled() {
    return timeToLiveNanos > 0;
  }

  /** The facts, from memory if loaded within the time to live and not forgotten since, else from {@code load}. */
  public Facts get(Supplier<Facts> load) {
    Loaded current = loaded;
    long now = nanoTime.getAsLong();
    if (current != null && current.generation == generation.get() && now - current.atNanos < timeToLiveNanos) {
      return current.facts;
    }
    // read the generation before the database: a write forgotten meanwhile makes this load stale
    long seen = generation.get();
    Facts fresh = load.get();
    loaded = new Loaded(fresh, now, seen);
    return fresh;
  }

  /** Forgets the facts: the next question asks the database. */
  public void forget() {
    generation.incrementAndGet();
  }

  /** Whether writing an authorization for this group with this type could make the facts too narrow. */
  public boolean widens(String groupId, int type, Facts known) {
    return type == org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_REVOKE
        || groupId != null && !known.groupsWithAuthorizations().contains(groupId);
  }
}
