package vn.danvan.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import vn.danvan.support.Http;
import vn.danvan.support.RunningApplicationTest;

/** The webapps keep Camunda's protections: CSRF token required, session cookie HttpOnly and SameSite. */
class WebappSecurityIT extends RunningApplicationTest {

  /** A failed login locks the user for seconds (Camunda's brute-force delay): use one nobody else needs. */
  private static final String LOCKABLE_USER = "camlo.council";
  private static final String LOGIN = "/camunda/api/admin/auth/user/default/login/tasklist";

  @Test
  void loginWithCsrfTokenGivesAnHttpOnlySameSiteSessionCookie() {
    Csrf csrf = csrf();
    Http.Answer login = http.send(loginRequest("dongha.officer", "demo")
        .header("X-XSRF-TOKEN", csrf.token()).header("Cookie", csrf.cookies()).build());
    assertThat(login.status()).as(login.body()).isEqualTo(200);
    assertThat(login.json().path("userId").asText()).isEqualTo("dongha.officer");
    assertThat(login.json().path("authorizedApps").toString()).contains("tasklist").doesNotContain("admin");
    String session = cookie(login.headers().allValues("Set-Cookie"), "JSESSIONID").orElseThrow();
    assertThat(session).containsIgnoringCase("HttpOnly").containsIgnoringCase("SameSite=Lax");
  }

  @Test
  void loginWithoutCsrfTokenIsRefused() {
    Http.Answer login = http.send(loginRequest("dongha.officer", "demo").build());
    assertThat(login.status()).isEqualTo(403);
  }

  @Test
  void wrongPasswordDoesNotLogIn() {
    Csrf csrf = csrf();
    Http.Answer login = http.send(loginRequest(LOCKABLE_USER, "wrong")
        .header("X-XSRF-TOKEN", csrf.token()).header("Cookie", csrf.cookies()).build());
    assertThat(login.status()).isEqualTo(401);
  }

  /** The token is bound to the session the page opened: send both cookies back. */
  private record Csrf(String token, String cookies) {}

  private Csrf csrf() {
    Http.Answer page = http.get("/camunda/app/tasklist/default/");
    assertThat(page.status()).isEqualTo(200);
    List<String> setCookies = page.headers().allValues("Set-Cookie");
    String token = value(cookie(setCookies, "XSRF-TOKEN").orElseThrow());
    String session = value(cookie(setCookies, "JSESSIONID").orElseThrow());
    return new Csrf(token, "XSRF-TOKEN=" + token + "; JSESSIONID=" + session);
  }

  private static String value(String setCookie) {
    int end = setCookie.indexOf(';');
    return setCookie.substring(setCookie.indexOf('=') + 1, end < 0 ? setCookie.length() : end);
  }

  private HttpRequest.Builder loginRequest(String user, String password) {
    return http.request(LOGIN, null)
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString("username=" + user + "&password=" + password));
  }

  private static Optional<String> cookie(List<String> setCookies, String name) {
    return setCookies.stream().filter(c -> c.startsWith(name + "=")).findFirst();
  }
}
