package vn.danvan.identity;

import java.util.function.Supplier;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;

/**
 * Runs a read as the system: the engine checks neither authorizations nor tenants for a command
 * without an authenticated user, so the caller's authentication is set aside for the read and put
 * back after it, whatever happens. For reads the platform needs whoever the current user is (a
 * unit's name on a letter, who holds a rung of the escalation ladder, how many cases a deletion
 * would take) — never to hand data to the caller that their grants would not show.
 */
public final class AsSystem {

  private AsSystem() {}

  public static <T> T read(IdentityService identity, Supplier<T> query) {
    Authentication caller = identity.getCurrentAuthentication();
    identity.clearAuthentication();
    try {
      return query.get();
    } finally {
      if (caller != null) {
        identity.setAuthentication(caller);
      }
    }
  }
}
