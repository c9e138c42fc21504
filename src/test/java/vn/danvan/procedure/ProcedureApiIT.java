package vn.danvan.procedure;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import vn.danvan.support.Http;
import vn.danvan.support.PostgresIntegrationTest;

/** The procedure catalogue and appointment endpoints through the running application with its security. */
@PostgresIntegrationTest
class ProcedureApiIT {

  @LocalServerPort int port;
  Http http;

  @BeforeEach
  void client() {
    http = new Http(port);
  }

  @Test
  void certifiedCopyReceivedAfter15IsDueFridayAt17() {
    // The worked example: Thursday 23/4/2026 16:10 -> Friday 24/4/2026 17:00.
    Http.Answer answer = http.get("/api/procedures/CERTIFIED_COPY/appointment?receivedAt=2026-04-23T16:10:00%2B07:00",
        "dongha.officer");
    assertThat(answer.status()).as(answer.body()).isEqualTo(200);
    JsonNode json = answer.json();
    assertThat(json.path("code").asText()).isEqualTo("CERTIFIED_COPY");
    assertThat(json.path("receivedAt").asText()).isEqualTo("2026-04-23T16:10:00+07:00");
    assertThat(json.path("appointmentAt").asText()).isEqualTo("2026-04-24T17:00:00+07:00");
    assertThat(json.path("deadline").asText()).isEqualTo("Trong ngày (sau 15 giờ: ngày làm việc tiếp theo)");
    assertThat(json.path("channel").asText()).isEqualTo("COUNTER");
  }

  @Test
  void marriageWithVerificationOnlineSkipsTheMayHolidays() {
    Http.Answer answer = http.get("/api/procedures/MARRIAGE_REGISTRATION/appointment"
        + "?receivedAt=2026-04-29T09:00:00%2B07:00&verificationNeeded=true&channel=ONLINE", "quangtri.owner");
    assertThat(answer.status()).as(answer.body()).isEqualTo(200);
    assertThat(answer.json().path("appointmentAt").asText()).isEqualTo("2026-05-08T17:00:00+07:00");
    assertThat(answer.json().path("deadline").asText()).isEqualTo("5 ngày làm việc");
    assertThat(answer.json().path("verificationNeeded").asBoolean()).isTrue();
  }

  @Test
  void listsTheCatalogueWithVietnameseDeadlines() {
    Http.Answer answer = http.get("/api/procedures?on=2026-04-23", "dongha.officer");
    assertThat(answer.status()).as(answer.body()).isEqualTo(200);
    JsonNode list = answer.json();
    assertThat(list.size()).isEqualTo(7);
    JsonNode transfer = find(list, "LAND_TRANSFER_REGISTRATION");
    assertThat(transfer.path("deadline").asText()).isEqualTo("8 ngày làm việc");
    assertThat(transfer.path("competentLevel").asText()).isEqualTo("PROVINCE");
    assertThat(transfer.path("legalBasis").asText()).isEqualTo("Nghị định 151/2025/NĐ-CP, Phụ lục I");
    assertThat(transfer.path("effectiveFrom").asText()).isEqualTo("2025-07-01");
    JsonNode residence = find(list, "RESIDENCE_CONFIRMATION");
    assertThat(residence.path("name").asText()).isEqualTo("Xác nhận thông tin về cư trú");
    assertThat(residence.path("deadline").asText()).isEqualTo("1/2 ngày làm việc");
    assertThat(residence.path("deadlineIfVerificationNeeded").asText()).isEqualTo("3 ngày làm việc");
    assertThat(find(list, "BIRTH_REGISTRATION").has("deadlineIfVerificationNeeded")).isFalse();
  }

  @Test
  void unknownProcedureIsA404NamingTheCode() {
    Http.Answer answer = http.get("/api/procedures/PASSPORT/appointment?receivedAt=2026-04-23T10:00:00%2B07:00",
        "dongha.officer");
    assertThat(answer.status()).isEqualTo(404);
    assertThat(answer.json().path("field").asText()).isEqualTo("code");
    assertThat(answer.json().path("error").asText()).contains("PASSPORT");
  }

  @Test
  void procedureNotYetInForceIsA404() {
    Http.Answer answer = http.get("/api/procedures/BIRTH_REGISTRATION/appointment?receivedAt=2025-06-30T10:00:00%2B07:00",
        "dongha.officer");
    assertThat(answer.status()).isEqualTo(404);
    assertThat(answer.json().path("error").asText()).contains("2025-06-30");
  }

  @Test
  void badReceivedAtIsA400NamingIt() {
    Http.Answer answer = http.get("/api/procedures/CERTIFIED_COPY/appointment?receivedAt=yesterday", "dongha.officer");
    assertThat(answer.status()).isEqualTo(400);
    assertThat(answer.json().path("field").asText()).isEqualTo("receivedAt");
    assertThat(answer.body()).doesNotContain("Exception");
  }

  @Test
  void missingReceivedAtIsA400NamingIt() {
    Http.Answer answer = http.get("/api/procedures/CERTIFIED_COPY/appointment", "dongha.officer");
    assertThat(answer.status()).isEqualTo(400);
    assertThat(answer.json().path("field").asText()).isEqualTo("receivedAt");
  }

  @Test
  void badChannelIsA400NamingIt() {
    Http.Answer answer = http.get("/api/procedures/CERTIFIED_COPY/appointment"
        + "?receivedAt=2026-04-23T10:00:00%2B07:00&channel=FAX", "dongha.officer");
    assertThat(answer.status()).isEqualTo(400);
    assertThat(answer.json().path("field").asText()).isEqualTo("channel");
  }

  @Test
  void withoutCredentialsBothEndpointsAnswer401() {
    assertThat(http.get("/api/procedures").status()).isEqualTo(401);
    assertThat(http.get("/api/procedures/CERTIFIED_COPY/appointment?receivedAt=2026-04-23T10:00:00%2B07:00").status())
        .isEqualTo(401);
  }

  private static JsonNode find(JsonNode list, String code) {
    for (JsonNode node : list) {
      if (node.path("code").asText().equals(code)) {
        return node;
      }
    }
    throw new AssertionError("no " + code + " in " + list);
  }
}
