package vn.danvan.identity;

/** Startup stops with this when the administrator account would be unprotected. */
public class InsecureAdminAccountException extends RuntimeException {

  public InsecureAdminAccountException(String message) {
    super(message);
  }
}
