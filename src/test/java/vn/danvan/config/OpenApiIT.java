package vn.danvan.config;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import vn.danvan.support.Http;
import vn.danvan.support.RunningApplicationTest;

/** The app serves an OpenAPI document of its own API, with the paths of the public contract. */
class OpenApiIT extends RunningApplicationTest {

  @Test
  void describesThePublicContract() {
    Http.Answer answer = http.get("/v3/api-docs");
    assertThat(answer.status()).isEqualTo(200);
    var paths = answer.json().path("paths");
    assertThat(paths.has("/api/calendar/due")).isTrue();
    assertThat(paths.has("/api/procedures")).isTrue();
    assertThat(paths.has("/api/procedures/{code}/appointment")).isTrue();
    assertThat(paths.has("/api/dossiers")).isTrue();
    assertThat(paths.has("/api/dossiers/{code}")).isTrue();
    assertThat(paths.has("/api/dossiers/{code}/supplement")).isTrue();
    assertThat(paths.has("/api/public/dossiers/{code}")).isTrue();
    assertThat(paths.has("/api/documents/{id}")).isTrue();
    assertThat(paths.has("/api/signatures/verify")).isTrue();
    assertThat(answer.json().path("components").path("securitySchemes").has("basic")).isTrue();
  }
}
