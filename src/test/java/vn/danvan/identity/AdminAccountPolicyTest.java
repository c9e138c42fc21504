package vn.danvan.identity;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class AdminAccountPolicyTest {

  @Test
  void refusesMissingPasswordOutsideDemo() {
    assertThatThrownBy(() -> AdminAccountPolicy.check(new AdminAccountProperties("admin", ""), false))
        .isInstanceOf(InsecureAdminAccountException.class).hasMessageContaining("DANVAN_ADMIN_PASSWORD");
    assertThatThrownBy(() -> AdminAccountPolicy.check(new AdminAccountProperties("admin", null), false))
        .isInstanceOf(InsecureAdminAccountException.class);
  }

  @Test
  void refusesPasswordShorterThanTwelveCharacters() {
    assertThatThrownBy(() -> AdminAccountPolicy.check(new AdminAccountProperties("admin", "elevenchars"), false))
        .isInstanceOf(InsecureAdminAccountException.class).hasMessageContaining("shorter than 12");
  }

  @Test
  void acceptsTwelveCharacters() {
    assertThatCode(() -> AdminAccountPolicy.check(new AdminAccountProperties("admin", "twelve-chars"), false))
        .doesNotThrowAnyException();
  }

  @Test
  void demoProfileKeepsCamundasDemoPassword() {
    assertThatCode(() -> AdminAccountPolicy.check(new AdminAccountProperties("demo", "demo"), true))
        .doesNotThrowAnyException();
  }

  @Test
  void refusesEmptyAdministratorId() {
    assertThatThrownBy(() -> AdminAccountPolicy.check(new AdminAccountProperties(" ", "a-long-password"), true))
        .isInstanceOf(InsecureAdminAccountException.class);
  }
}
