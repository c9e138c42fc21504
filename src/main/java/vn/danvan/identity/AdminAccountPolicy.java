package vn.danvan.identity;

import java.util.Map;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.PasswordPolicyResult;
import org.camunda.bpm.engine.identity.PasswordPolicyRule;
import org.camunda.bpm.engine.identity.User;

/**
 * Refuses to start a non-demo system with a missing or weak administrator password. Camunda's
 * starter would otherwise use the user id as password. Where Camunda's password policy is on
 * (outside the demo profile), the administrator's password must also satisfy it.
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

  /**
   * Checks the password of the administrator about to be created against the engine's password policy,
   * if one is on, and names every rule it breaks (instead of Camunda's bare "password does not match
   * policy" at the first save).
   */
  static void checkAgainstEnginePolicy(IdentityService identity, String password, User user) {
    if (identity.getPasswordPolicy() == null) {
      return; // policy off (demo profile)
    }
    PasswordPolicyResult result = identity.checkPasswordAgainstPolicy(password, user);
    if (!result.isValid()) {
      throw new InsecureAdminAccountException("DANVAN_ADMIN_PASSWORD does not satisfy the password policy: it needs "
          + result.getViolatedRules().stream().map(AdminAccountPolicy::describe).collect(Collectors.joining(", "))
          + ".");
    }
  }

  private static String describe(PasswordPolicyRule rule) {
    Map<String, String> parameters = rule.getParameters() == null ? Map.of() : rule.getParameters();
    String count = parameters.values().stream().findFirst().orElse("1");
    return switch (rule.getPlaceholder()) {
      case "PASSWORD_POLICY_LENGTH" -> "at least " + count + " characters";
      case "PASSWORD_POLICY_LOWERCASE" -> "at least " + count + " lower-case letter(s)";
      case "PASSWORD_POLICY_UPPERCASE" -> "at least " + count + " upper-case letter(s)";
      case "PASSWORD_POLICY_DIGIT" -> "at least " + count + " digit(s)";
      case "PASSWORD_POLICY_SPECIAL" -> "at least " + count + " special character(s)";
      case "PASSWORD_POLICY_USER_DATA" -> "not to contain the user's id or name";
      default -> rule.getPlaceholder();
    };
  }
}
