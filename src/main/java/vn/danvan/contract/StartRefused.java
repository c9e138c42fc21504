package vn.danvan.contract;

import org.camunda.bpm.engine.AuthorizationException;

/** This user may not start this process (in this unit): answered 403 by every REST layer. */
public class StartRefused extends AuthorizationException {

  public StartRefused(String message) {
    super(message);
  }
}
