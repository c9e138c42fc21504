package vn.danvan.procedure;

/** How a dossier reached the one-stop counter; online filings late in the day count from the next working day. */
public enum Channel {
  /** Handed in at the one-stop counter. */
  COUNTER,
  /** Filed on the public service portal. */
  ONLINE,
  /** Sent by post (public postal service). */
  POSTAL
}
