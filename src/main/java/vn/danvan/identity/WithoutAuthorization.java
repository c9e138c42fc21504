package vn.danvan.identity;

import java.util.function.Supplier;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;

/**
 * Runs engine calls with the engine's authorization checks off, while the caller stays
 * authenticated (listeners, the trail and the user operation log still see who acted) and the
 * tenant check stays on. For changes the platform makes on a user's behalf after its own checks
 * (a withdrawal at the counter, ending an escalation ladder the user may not touch) and for reads
 * of shared configuration (the procedure table).
 *
 * <p>Engine internals on purpose, and the only class that switches authorization off: Camunda's
 * public API has no way to suspend authorization checks for a block of calls
 * ({@code CommandContext#runWithoutAuthorization} is {@code impl}), and clearing the
 * authentication instead ({@link AsSystem}) would also drop the tenant check and the acting user.
 * The calls run in one engine command: the one already running on this thread (a listener), or a
 * new one that joins the surrounding transaction.
 */
public final class WithoutAuthorization {

  private WithoutAuthorization() {}

  public static <T> T call(ProcessEngine engine, Supplier<T> action) {
    var configuration = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
    return configuration.getCommandExecutorTxRequired().execute(context -> context.runWithoutAuthorization(action::get));
  }
}
