package vn.danvan.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import vn.danvan.support.Http;
import vn.danvan.support.RunningApplicationTest;

/** Every kind of answer carries the security headers; the session cookie carries SameSite once. */
class SecurityHeadersIT extends RunningApplicationTest {

  @Test
  void publicPagesAllowOnlyTheirOwnScriptsAndStylesAndNoFraming() {
    for (String page : List.of("/tra-cuu.html", "/verify.html", "/verify.js", "/tra-cuu.css")) {
      Http.Answer answer = http.get(page);
      assertThat(answer.status()).as(page).isEqualTo(200);
      assertCommonHeaders(answer, page);
      assertThat(answer.headers().allValues("Content-Security-Policy")).as(page).containsExactly(SecurityHeadersFilter.PAGE_POLICY);
    }
  }

  @Test
  void publicPagesHaveNoInlineScriptsOrStylesThatThePolicyWouldBlock() {
    for (String page : List.of("/tra-cuu.html", "/verify.html")) {
      String html = http.get(page).body();
      assertThat(html).as(page).doesNotContain("<script>").doesNotContain("<style").doesNotContain("style=")
          .doesNotContainPattern("\\son[a-z]+=").contains("<script src=");
    }
  }

  @Test
  void apiAnswersLoadNothingAndCannotBeFramed() {
    for (Http.Answer answer : List.of(http.get("/engine-rest/task"), http.get("/engine-rest/engine"),
        http.get("/api/procedures", "dongha.officer"), http.get("/api/public/dossiers/NONE-000000-0000?phone4=1234"),
        http.get("/engine-rest/task/unknown", "dongha.officer"))) {
      assertCommonHeaders(answer, answer.toString());
      assertThat(answer.headers().allValues("Content-Security-Policy")).containsExactly(SecurityHeadersFilter.API_POLICY);
    }
  }

  @Test
  void webappsKeepCamundasOwnPolicyAndGetNoFramingToo() {
    Http.Answer tasklist = http.get("/camunda/app/tasklist/default/");
    assertThat(tasklist.status()).isEqualTo(200);
    assertCommonHeaders(tasklist, "tasklist");
    List<String> policy = tasklist.headers().allValues("Content-Security-Policy");
    assertThat(policy).hasSize(1);
    assertThat(policy.get(0)).contains("frame-ancestors 'none'").contains("nonce-");
  }

  @Test
  void sessionCookieHasExactlyOneSameSiteAndNoSecureOnPlainHttp() {
    List<String> cookies = http.get("/camunda/app/tasklist/default/").headers().allValues("Set-Cookie");
    String session = cookies.stream().filter(c -> c.startsWith("JSESSIONID=")).findFirst().orElseThrow();
    assertThat(session.toLowerCase().split("samesite=", -1)).as(session).hasSize(2);
    assertThat(session).contains("SameSite=Lax").containsIgnoringCase("HttpOnly").doesNotContainIgnoringCase("Secure");
    String csrf = cookies.stream().filter(c -> c.startsWith("XSRF-TOKEN=")).findFirst().orElseThrow();
    assertThat(csrf.toLowerCase().split("samesite=", -1)).as(csrf).hasSize(2);
  }

  private static void assertCommonHeaders(Http.Answer answer, String what) {
    assertThat(answer.headers().allValues("X-Frame-Options")).as(what).containsExactly("DENY");
    assertThat(answer.headers().allValues("X-Content-Type-Options")).as(what).containsExactly("nosniff");
    assertThat(answer.headers().allValues("Referrer-Policy")).as(what).containsExactly("no-referrer");
  }
}
