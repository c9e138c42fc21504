package vn.danvan.contract;

import java.util.function.Supplier;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;

/**
 * Runs a block of engine reads as one engine command. Each public service call opens its own
 * command, and the engine's entity cache lives only as long as one command: a completion's form
 * check (the task visible? its form, the form's deployed file, the current values) read the task,
 * its execution and its process definition three times over. As one command they are read once.
 * Every call still checks the caller's authorizations and units, and an exception reaches the
 * caller as thrown; the block joins the request's transaction.
 *
 * <p>Internal API: a command of one's own runs only through the command executor of
 * {@code ProcessEngineConfigurationImpl}; service calls inside it reuse its command context.
 */
final class EngineReads {

  private EngineReads() {}

  static <T> T together(ProcessEngine engine, Supplier<T> reads) {
    var configuration = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
    return configuration.getCommandExecutorTxRequired().execute(context -> reads.get());
  }
}
