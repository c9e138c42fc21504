package vn.danvan.escalation;

import java.time.Instant;
import org.camunda.bpm.engine.impl.util.ClockUtil;

/**
 * The engine's clock (impl on purpose: the public API has no "now" of the engine), which tests move
 * to fire timers; the ladder's trail entries and rung ends follow it as the engine's history does.
 */
final class EngineClock {

  private EngineClock() {}

  static Instant now() {
    return ClockUtil.getCurrentTime().toInstant();
  }
}
