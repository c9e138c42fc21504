package vn.danvan.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * A user logged into the webapps (Cockpit, Tasklist) over HTTP, as the browser is: session cookie
 * plus the {@code X-XSRF-TOKEN} header Camunda's CSRF filter wants on every changing request. For
 * tests of the webapps' own API ({@code /camunda/api/engine/...}, {@code /camunda/api/cockpit/...}).
 */
public final class Webapp {

  private final Http http;
  private final String token;
  private final String cookies;

  private Webapp(Http http, String token, String cookies) {
    this.http = http;
    this.token = token;
    this.cookies = cookies;
  }

  /** Logs {@code user} (password "demo") into {@code app} ("tasklist", "cockpit"). */
  public static Webapp login(Http http, String user, String app) {
    Http.Answer page = http.get("/camunda/app/" + app + "/default/");
    assertThat(page.status()).isEqualTo(200);
    List<String> setCookies = page.headers().allValues("Set-Cookie");
    String token = value(setCookies, "XSRF-TOKEN");
    String session = value(setCookies, "JSESSIONID");
    Http.Answer login = http.send(http.request("/camunda/api/admin/auth/user/default/login/" + app, null)
        .header("Content-Type", "application/x-www-form-urlencoded")
        .header("X-XSRF-TOKEN", token).header("Cookie", "XSRF-TOKEN=" + token + "; JSESSIONID=" + session)
        .POST(HttpRequest.BodyPublishers.ofString("username=" + user + "&password=demo")).build());
    assertThat(login.status()).as(user + " logs in: " + login.body()).isEqualTo(200);
    // the session id changes at login, and with it the CSRF token: the next page view hands out a new one
    String newSession = cookie(login.headers().allValues("Set-Cookie"), "JSESSIONID", session);
    Http.Answer next = http.send(http.request("/camunda/api/admin/auth/user/default", null)
        .header("Cookie", "JSESSIONID=" + newSession).GET().build());
    String newToken = cookie(next.headers().allValues("Set-Cookie"), "XSRF-TOKEN",
        cookie(login.headers().allValues("Set-Cookie"), "XSRF-TOKEN", token));
    return new Webapp(http, newToken, "XSRF-TOKEN=" + newToken + "; JSESSIONID=" + newSession);
  }

  /** The same login (session cookie and CSRF token) sent to another node of a cluster. */
  public Webapp on(Http node) {
    return new Webapp(node, token, cookies);
  }

  /** The session cookie's value. */
  public String sessionCookie() {
    return cookie(List.of(cookies.substring(cookies.indexOf("JSESSIONID=")).split("; ")), "JSESSIONID", null);
  }

  private static String cookie(List<String> setCookies, String name, String otherwise) {
    return setCookies.stream().filter(c -> c.startsWith(name + "=")).findFirst()
        .map(c -> c.substring(name.length() + 1, c.indexOf(';') < 0 ? c.length() : c.indexOf(';'))).orElse(otherwise);
  }

  public Http.Answer get(String path) {
    return http.send(request(path).GET().build());
  }

  public Http.Answer postJson(String path, String json) {
    return http.send(request(path).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8)).build());
  }

  public Http.Answer putJson(String path, String json) {
    return http.send(request(path).header("Content-Type", "application/json")
        .PUT(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8)).build());
  }

  public HttpRequest.Builder request(String path) {
    return http.request(path, null).header("X-XSRF-TOKEN", token).header("Cookie", cookies)
        .header("Accept", "application/json");
  }

  /** The session cookie alone, without the CSRF header: what a forged cross-site request could send. */
  public HttpRequest.Builder withoutCsrfToken(String path) {
    return http.request(path, null).header("Cookie", cookies).header("Accept", "application/json");
  }

  /** The session cookie with a CSRF header that is not the session's. */
  public HttpRequest.Builder withWrongCsrfToken(String path) {
    return withoutCsrfToken(path).header("X-XSRF-TOKEN", token.isEmpty() ? "x" : new StringBuilder(token).reverse()
        + "x");
  }

  private static String value(List<String> setCookies, String name) {
    String cookie = setCookies.stream().filter(c -> c.startsWith(name + "=")).findFirst()
        .orElseThrow(() -> new AssertionError("No " + name + " cookie in " + setCookies));
    int end = cookie.indexOf(';');
    return cookie.substring(name.length() + 1, end < 0 ? cookie.length() : end);
  }
}
