package vn.danvan.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import vn.danvan.support.Http;
import vn.danvan.support.PostgresIntegrationTest;

/** The webapps keep Camunda's protections: CSRF token required, session cookie HttpOnly and SameSite. */
@PostgresIntegrationTest
class WebappSecurityIT {

  private static final String LOGIN = "/camunda/api/admin/auth/user/default/login/tasklist";

  @LocalServerPort int port;
  Http http;

  @BeforeEach
  void client() {
    http = new Http(port);
  }

  @Test
  void loginWithCsrfTokenGivesAnHttpOnlySameSiteSessionCookie() {
    String csrf = csrfToken();
    Http.Answer login = http.send(loginRequest("dongha.officer", "demo")
        .header("X-XSRF-TOKEN", csrf).header("Cookie", "XSRF-TOKEN=" + csrf).build());
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
    String csrf = csrfToken();
    Http.Answer login = http.send(loginRequest("dongha.officer", "wrong")
        .header("X-XSRF-TOKEN", csrf).header("Cookie", "XSRF-TOKEN=" + csrf).build());
    assertThat(login.status()).isEqualTo(401);
  }

  private String csrfToken() {
    Http.Answer page = http.get("/camunda/app/tasklist/default/");
    assertThat(page.status()).isEqualTo(200);
    String cookie = cookie(page.headers().allValues("Set-Cookie"), "XSRF-TOKEN").orElseThrow();
    return cookie.substring("XSRF-TOKEN=".length(), cookie.indexOf(';'));
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
