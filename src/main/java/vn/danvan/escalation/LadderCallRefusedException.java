package vn.danvan.escalation;

import org.camunda.bpm.engine.BadUserRequestException;

/**
 * A diagram calls {@code escalationLadder} wrongly (see {@link LadderCallParseListener}). A
 * {@link BadUserRequestException}, so that both REST mounts answer the deployment with a 400 naming
 * the call activity and the input.
 */
public class LadderCallRefusedException extends BadUserRequestException {

  LadderCallRefusedException(String message) {
    super(message);
  }
}
