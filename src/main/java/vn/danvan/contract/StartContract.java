package vn.danvan.contract;

import java.util.Map;
import java.util.Set;

/**
 * A process's own rules for starting it, beyond its start form: who may start it and checks the
 * form cannot express (a code known to a catalogue). One Spring bean per process key; the engine
 * applies it, with the start form's {@link FormContract}, to every start by an authenticated user,
 * whatever the door (REST start or submit-form, Tasklist, our own API, a message). A process
 * without a bean still gets its start form's contract.
 */
public interface StartContract {

  /** The key of the process this contract guards. */
  String processKey();

  /** Variables a start may carry beyond the start form's fields (the unit, {@code unitCode}, always may). */
  default Set<String> additionalVariables() {
    return Set.of();
  }

  /**
   * Variables the server sets whatever the starter sent (e.g. the receiving officer is the
   * authenticated user). A value sent for one of these names is replaced, not refused.
   */
  default Map<String, Object> enforcedVariables(StartAttempt attempt) {
    return Map.of();
  }

  /**
   * Values rewritten into their canonical form once every check has passed (a phone number typed
   * with spaces stored as digits): the checks see what the user typed, the case keeps this.
   */
  default Map<String, Object> normalisedVariables(StartAttempt attempt) {
    return Map.of();
  }

  /**
   * Refuses a start: {@link StartRefused} if this user may not start the process in this unit,
   * {@link ContractViolation} naming the field for a bad value. The start form has already been checked.
   */
  void check(StartAttempt attempt);
}
