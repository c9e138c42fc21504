package vn.danvan.sla;

import java.time.Instant;
import org.camunda.bpm.engine.impl.util.ClockUtil;

/**
 * "Now" for every case: the engine's time, which process tests move to fire timers, so deadlines,
 * trail entries and documents agree with the engine's own history. Camunda has no public API for
 * its clock; this is the one class of the code base that reads {@code ClockUtil} (the place to adapt
 * for another engine build).
 */
public final class EngineClock {

  private EngineClock() {}

  public static Instant now() {
    return ClockUtil.getCurrentTime().toInstant();
  }
}
