package vn.danvan.dossier;

/** The appointment of a dossier may be moved by an apology letter only once (Decree 118/2025). */
public class ApologyRefusedException extends RuntimeException {

  public ApologyRefusedException(String code) {
    super("The appointment of dossier " + code + " was moved once already; a second apology is refused");
  }
}
