package vn.danvan.identity;

/**
 * Refuses to start a non-demo system with a missing or weak administrator password. Camunda's
 * starter would otherwise use the user id as password.
 */
final class AdminAccountPolicy {

  static final int MIN_PASSWORD_LENGTH = 12;

  private AdminAccountPolicy() {}

  static void check(AdminAccountProperties admin, boolean demo) {
    if (admin.user() == null || admin.user().isBlank()) {
      throw new InsecureAdminAccountException("danvan.admin.user (DANVAN_ADMIN_USER) is empty.");
    }
    if (demo) {
      return;
    }
    String password = admin.password();
    if (password == null || password.isEmpty()) {
      throw new InsecureAdminAccountException(
          "No administrator password: set DANVAN_ADMIN_PASSWORD (at least " + MIN_PASSWORD_LENGTH + " characters).");
    }
    if (password.length() < MIN_PASSWORD_LENGTH) {
      throw new InsecureAdminAccountException("DANVAN_ADMIN_PASSWORD is shorter than " + MIN_PASSWORD_LENGTH
          + " characters (" + password.length() + ").");
    }
  }
}
