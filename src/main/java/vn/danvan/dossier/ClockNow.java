package vn.danvan.dossier;

import java.time.Instant;
import org.camunda.bpm.engine.impl.util.ClockUtil;

/**
 * The engine's clock: in a process step "now" is the engine's time, which tests move to fire
 * timers. Using it for the register keeps the trail consistent with the engine's history.
 */
final class ClockNow {

  private ClockNow() {}

  static Instant get() {
    return ClockUtil.getCurrentTime().toInstant();
  }
}
