package vn.danvan.sla;

/** Someone else changed the case's clock since it was read; nothing was written, retry. */
public class ConcurrentClockChangeException extends RuntimeException {

  public ConcurrentClockChangeException(String caseKey) {
    super("The clock of case " + caseKey + " was changed concurrently");
  }
}
