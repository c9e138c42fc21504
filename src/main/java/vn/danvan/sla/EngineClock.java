package vn.danvan.sla;

import java.time.Instant;
import org.camunda.bpm.engine.impl.util.ClockUtil;

/**
 * "Now" for the clock: the engine's time, which process tests move to fire timers, so the clock's
 * records agree with the engine's history. Camunda has no public API for its clock; this is the one
 * place of the package that reads {@code ClockUtil}.
 */
final class EngineClock {

  private EngineClock() {}

  static Instant now() {
    return ClockUtil.getCurrentTime().toInstant();
  }
}
