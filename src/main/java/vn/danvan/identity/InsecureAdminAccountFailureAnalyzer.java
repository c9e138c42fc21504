package vn.danvan.identity;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Turns a refused administrator password into a short startup message instead of a stack trace. */
class InsecureAdminAccountFailureAnalyzer extends AbstractFailureAnalyzer<InsecureAdminAccountException> {

  @Override
  protected FailureAnalysis analyze(Throwable rootFailure, InsecureAdminAccountException cause) {
    return new FailureAnalysis(
        "The administrator account is not protected: " + cause.getMessage(),
        "Set the environment variable DANVAN_ADMIN_PASSWORD to a password of at least "
            + AdminAccountPolicy.MIN_PASSWORD_LENGTH + " characters with upper- and lower-case letters, a digit and a "
            + "special character, not containing the user name (and DANVAN_ADMIN_USER if the administrator "
            + "is not called 'admin'), or run the demo profile on a machine that is not in production.",
        cause);
  }
}
