package vn.danvan.login;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.ContextConfiguration;
import vn.danvan.support.Http;
import vn.danvan.support.PostgresContextInitializer;

/**
 * The login throttle through the real doors (HTTP Basic on /engine-rest and /api, the webapps' login
 * form) on PostgreSQL, with small limits so that locks expire within the test. Client addresses come
 * from X-Forwarded-For, as behind the trusted proxy ({@code DANVAN_TRUSTED_PROXIES}: 127.0.0.1), so
 * that each test is a client of its own. The context also serves "over TLS" (Secure cookies on).
 * Failures are forgotten only after a minute without one (each test has users and addresses of its
 * own): a machine that stalls for a few seconds between two of a test's failures must not reset the
 * count the test builds up (seen once in CI, a 12 s pause before a request).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "camunda.bpm.job-execution.enabled=false", "danvan.signing.keystore-dir=target/demo-signing",
    "danvan.notify.dispatch.enabled=false", "DANVAN_TRUSTED_PROXIES=127\\\\.0\\\\.0\\\\.1",
    "danvan.security.login.per-user.free-failures=2", "danvan.security.login.per-user.lock-after=4",
    "danvan.security.login.per-user.lock-duration=PT3S", "danvan.security.login.per-user.reset-after=PT60S",
    "danvan.security.login.per-address.free-failures=3", "danvan.security.login.per-address.lock-after=6",
    "danvan.security.login.per-address.lock-duration=PT3S", "danvan.security.login.per-address.reset-after=PT60S",
    "danvan.security.login.initial-delay=PT1S", "danvan.security.login.max-delay=PT1S",
    "DANVAN_SECURE_COOKIES=true"})
@ActiveProfiles("demo")
@ContextConfiguration(initializers = PostgresContextInitializer.class)
class LoginThrottleIT {

  private static final String LOGIN = "/camunda/api/admin/auth/user/default/login/tasklist";
  private static int clients;

  @LocalServerPort int port;
  @Autowired IdentityService identityService;
  @Autowired JdbcTemplate jdbc;
  private Http http;
  private String client;

  @BeforeEach
  void newClient() {
    http = new Http(port);
    client = "198.51.100." + (++clients);
  }

  @Test
  void basicAuthIsThrottledWith429RetryAfterAndJsonAndThePasswordIsNotChecked() {
    assertThat(basic("/engine-rest/task", "dongha.clerk", "wrong").status()).isEqualTo(401);
    assertThat(basic("/engine-rest/task", "dongha.clerk", "wrong").status()).isEqualTo(401);
    int attemptsSeenByCamunda = camundaAttempts("dongha.clerk");

    Http.Answer throttled = basic("/engine-rest/task", "dongha.clerk", "demo");
    assertThat(throttled.status()).as("even the right password, while throttled").isEqualTo(429);
    assertThat(throttled.headers().firstValue("Retry-After")).hasValue("1");
    assertThat(throttled.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).startsWith("application/json"));
    assertThat(throttled.json().path("error").asText()).contains("Too many failed logins");
    assertThat(basic("/api/procedures", "dongha.clerk", "demo").status()).as("/api alike").isEqualTo(429);
    assertThat(camundaAttempts("dongha.clerk")).as("the engine never saw the throttled attempts").isEqualTo(attemptsSeenByCamunda);

    sleep(Duration.ofMillis(1100));
    assertThat(basic("/engine-rest/task", "dongha.clerk", "demo").status()).isEqualTo(200);
  }

  @Test
  void unknownAndExistingUsersGetTheSameAnswers() {
    List<Http.Answer> known = List.of(basic("/engine-rest/task", "camlo.clerk", "x"),
        basic("/engine-rest/task", "camlo.clerk", "x"), basic("/engine-rest/task", "camlo.clerk", "x"));
    client = "198.51.100." + (++clients);
    List<Http.Answer> unknown = List.of(basic("/engine-rest/task", "no.such.user", "x"),
        basic("/engine-rest/task", "no.such.user", "x"), basic("/engine-rest/task", "no.such.user", "x"));
    for (int i = 0; i < 3; i++) {
      assertThat(unknown.get(i).status()).isEqualTo(known.get(i).status());
      assertThat(unknown.get(i).body()).isEqualTo(known.get(i).body());
      assertThat(unknown.get(i).headers().firstValue("Retry-After")).isEqualTo(known.get(i).headers().firstValue("Retry-After"));
    }
    assertThat(known.get(2).status()).isEqualTo(429);
  }

  @Test
  void webappLoginAndBasicShareOneThrottleAndTheLockExpires() {
    Csrf csrf = csrf();
    assertThat(webappLogin(csrf, "dongha.inspector", "wrong").status()).isEqualTo(401);
    assertThat(basic("/engine-rest/task", "dongha.inspector", "wrong").status()).isEqualTo(401);
    Http.Answer throttled = webappLogin(csrf, "dongha.inspector", "demo");
    assertThat(throttled.status()).isEqualTo(429);
    assertThat(throttled.headers().firstValue("Retry-After")).isPresent();
    // The login page shows "message" to the official.
    assertThat(throttled.json().path("message").asText()).startsWith("Đăng nhập sai quá nhiều lần");

    // Two more failures (waiting out the backoff, from other addresses) lock the user for 3 s.
    for (int i = 0; i < 2; i++) {
      sleep(Duration.ofMillis(1100));
      client = "198.51.100." + (++clients);
      assertThat(basic("/engine-rest/task", "dongha.inspector", "wrong").status()).isEqualTo(401);
    }
    client = "198.51.100." + (++clients);
    Http.Answer locked = basic("/engine-rest/task", "dongha.inspector", "demo");
    assertThat(locked.status()).isEqualTo(429);
    assertThat(Long.parseLong(locked.headers().firstValue("Retry-After").orElseThrow())).isBetween(2L, 3L);

    sleep(Duration.ofMillis(3100));
    Csrf fresh = csrf();
    Http.Answer login = webappLogin(fresh, "dongha.inspector", "demo");
    assertThat(login.status()).as("the lock has expired").isEqualTo(200);
  }

  @Test
  void strangersWhoLockAUserDoNotKeepItOutOfItsKnownAddress() {
    String office = client;
    assertThat(basic("/engine-rest/task", "camlo.specialist", "demo").status()).isEqualTo(200);
    for (int i = 0; i < 4; i++) {
      client = "198.51.100." + (++clients);
      sleep(Duration.ofMillis(i >= 2 ? 1100 : 0));
      assertThat(basic("/engine-rest/task", "camlo.specialist", "wrong").status()).isEqualTo(401);
    }
    client = "198.51.100." + (++clients);
    assertThat(basic("/engine-rest/task", "camlo.specialist", "demo").status()).as("locked for new addresses").isEqualTo(429);
    client = office;
    assertThat(basic("/engine-rest/task", "camlo.specialist", "demo").status()).as("not from the office").isEqualTo(200);
  }

  @Test
  void camundasCredentialCheckIsThrottledLikeALogin() {
    // Any official may ask the engine whether another user's password is right: a password oracle.
    String guess = "{\"username\":\"camlo.chairman\",\"password\":\"guess\"}";
    for (int i = 0; i < 2; i++) {
      Http.Answer answer = verify("dongha.officer", guess);
      assertThat(answer.status()).as(answer.body()).isEqualTo(200);
      assertThat(answer.json().path("authenticated").asBoolean()).isFalse();
    }
    Http.Answer throttled = verify("dongha.officer", guess);
    assertThat(throttled.status()).isEqualTo(429);
    assertThat(throttled.headers().firstValue("Retry-After")).isPresent();
    client = "198.51.100." + (++clients);
    assertThat(basic("/engine-rest/task", "camlo.chairman", "demo").status())
        .as("the guesses count for the user's logins too").isEqualTo(429);
  }

  @Test
  void camundasOwnLockIsUnreachable() {
    // Camunda would lock a user for good after 10 failures, and for seconds after each one.
    for (int i = 0; i < 25; i++) {
      assertThat(identityService.checkPassword("camlo.inspector", "wrong-" + i)).isFalse();
    }
    assertThat(identityService.checkPassword("camlo.inspector", "demo")).isTrue();
  }

  @Test
  void sessionCookieIsSecureWhenServedOverTlsWithOneSameSite() {
    Http.Answer page = http.get("/camunda/app/tasklist/default/");
    List<String> cookies = page.headers().allValues("Set-Cookie");
    assertThat(cookies).filteredOn(c -> c.startsWith("JSESSIONID=") || c.startsWith("XSRF-TOKEN=")).hasSize(2)
        .allSatisfy(c -> {
          assertThat(c).containsPattern("(?i);\\s*Secure(;|$)");
          assertThat(c.toLowerCase().split("samesite=", -1)).as(c).hasSize(2);
        });
  }

  private Http.Answer verify(String caller, String json) {
    return http.send(http.request("/engine-rest/identity/verify", null).header("Authorization", Http.basic(caller, "demo"))
        .header("X-Forwarded-For", client).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(json)).build());
  }

  private int camundaAttempts(String user) {
    return jdbc.queryForObject("select ATTEMPTS_ from ACT_ID_USER where ID_ = ?", Integer.class, user);
  }

  private Http.Answer basic(String path, String user, String password) {
    return http.send(http.request(path, null).header("Authorization", Http.basic(user, password))
        .header("X-Forwarded-For", client).GET().build());
  }

  private record Csrf(String token, String cookies) {}

  private Csrf csrf() {
    Http.Answer page = http.send(http.request("/camunda/app/tasklist/default/", null).header("X-Forwarded-For", client).GET().build());
    List<String> setCookies = page.headers().allValues("Set-Cookie");
    String token = value(setCookies, "XSRF-TOKEN");
    return new Csrf(token, "XSRF-TOKEN=" + token + "; JSESSIONID=" + value(setCookies, "JSESSIONID"));
  }

  private Http.Answer webappLogin(Csrf csrf, String user, String password) {
    return http.send(http.request(LOGIN, null).header("X-Forwarded-For", client)
        .header("Content-Type", "application/x-www-form-urlencoded")
        .header("X-XSRF-TOKEN", csrf.token()).header("Cookie", csrf.cookies())
        .POST(HttpRequest.BodyPublishers.ofString("username=" + user + "&password=" + password)).build());
  }

  private static String value(List<String> setCookies, String name) {
    String cookie = setCookies.stream().filter(c -> c.startsWith(name + "=")).findFirst().orElseThrow();
    int end = cookie.indexOf(';');
    return cookie.substring(name.length() + 1, end < 0 ? cookie.length() : end);
  }

  private static void sleep(Duration duration) {
    try {
      Thread.sleep(duration.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
