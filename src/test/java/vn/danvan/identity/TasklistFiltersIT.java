package vn.danvan.identity;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.filter.Filter;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import vn.danvan.support.Http;
import vn.danvan.support.ProcedureSamples;
import vn.danvan.support.RunningApplicationTest;

/**
 * The Tasklist filters as Tasklist itself reads them ({@code GET /engine-rest/filter/{id}/list} as
 * HAL, the user's own credentials): every card carries the dossier code and the applicant's name,
 * leaders have the whole unit's open tasks, and nobody sees another unit's tasks.
 */
class TasklistFiltersIT extends RunningApplicationTest {

  static final String APPLICANT = "Lương Thị Thanh Tâm";

  @Autowired FilterService filters;

  @Test
  void cardsShowTheCodeAndTheApplicantAndLeadersSeeTheWholeUnit() {
    Http.Answer received = http.postJson("/api/dossiers", "dongha.officer", ProcedureSamples.apiBody("""
        {"procedureCode":"CERTIFIED_COPY","unit":"dongha","applicantName":"%s","idNumber":"045201004321",
         "phone":"0912000111","channel":"COUNTER","documentList":"Bản chính và bản sao"}""".formatted(APPLICANT)));
    assertThat(received.status()).as(received.body()).isEqualTo(201);
    String code = received.json().path("code").asText();

    // the specialist's group tasks: the appraisal of the new dossier, with its code and applicant on the card
    Map<String, String> card = card(list(TasklistFilterSeeder.GROUP_TASKS, "dongha.specialist"), code);
    assertThat(card).containsEntry("applicantName", APPLICANT);

    // the leader's whole-unit filter lists the task nobody of the leader's group is a candidate for
    Map<String, String> leaderCard = card(list(TasklistFilterSeeder.WHOLE_UNIT, "dongha.chairman"), code);
    assertThat(leaderCard).containsEntry("applicantName", APPLICANT);

    // a leader of another unit: the same filter, none of this unit's tasks
    assertThat(codes(list(TasklistFilterSeeder.WHOLE_UNIT, "camlo.chairman"))).doesNotContain(code);
    // the whole-unit filter is the leaders': others cannot open it
    assertThat(http.send(hal(TasklistFilterSeeder.WHOLE_UNIT, "dongha.specialist")).status()).isIn(403, 404);
    assertThat(codes(list(TasklistFilterSeeder.GROUP_TASKS, "camlo.specialist"))).doesNotContain(code);
  }

  @Test
  void everyFilterHasTheCardVariablesAndTheStylesheetHidesThePriority() {
    for (String name : new String[] {TasklistFilterSeeder.MY_TASKS, TasklistFilterSeeder.GROUP_TASKS,
        TasklistFilterSeeder.OVERDUE, TasklistFilterSeeder.DUE_TODAY, TasklistFilterSeeder.WHOLE_UNIT}) {
      Filter filter = filters.createFilterQuery().filterName(name).singleResult();
      assertThat(filter).as(name).isNotNull();
      assertThat(filter.getProperties().get("variables")).as(name).isEqualTo(TasklistFilterSeeder.CARD_VARIABLES);
    }
    Http.Answer css = http.get("/camunda/app/tasklist/styles/user-styles.css");
    assertThat(css.status()).isEqualTo(200);
    assertThat(css.body()).contains(".cells-wrapper > .priority").contains("display: none");
  }

  @Test
  void aFilterSeededBeforeCardVariablesGetsThemAndAnAdministratorsOwnAreKept() {
    Filter group = filters.createFilterQuery().filterName(TasklistFilterSeeder.GROUP_TASKS).singleResult();
    Filter overdue = filters.createFilterQuery().filterName(TasklistFilterSeeder.OVERDUE).singleResult();
    Map<String, Object> old = new HashMap<>(group.getProperties());
    old.remove("variables");
    filters.saveFilter(group.setProperties(old));
    Map<String, Object> own = new HashMap<>(overdue.getProperties());
    own.put("variables", java.util.List.of(Map.of("name", "appointmentAt", "label", "Hẹn trả")));
    filters.saveFilter(overdue.setProperties(own));
    try {
      new TasklistFilterSeeder().seed(engine);
      assertThat(filters.getFilter(group.getId()).getProperties().get("variables"))
          .isEqualTo(TasklistFilterSeeder.CARD_VARIABLES);
      assertThat(filters.getFilter(overdue.getId()).getProperties().get("variables"))
          .isEqualTo(own.get("variables"));
      assertThat(filters.createFilterQuery().filterName(TasklistFilterSeeder.WHOLE_UNIT).count()).isEqualTo(1);
    } finally {
      Map<String, Object> restored = new HashMap<>(overdue.getProperties());
      restored.put("variables", TasklistFilterSeeder.CARD_VARIABLES);
      filters.saveFilter(filters.getFilter(overdue.getId()).setProperties(restored));
    }
  }

  private JsonNode list(String filterName, String user) {
    Http.Answer answer = http.send(hal(filterName, user));
    assertThat(answer.status()).as(user + " " + filterName + ": " + answer.body()).isEqualTo(200);
    return answer.json();
  }

  private java.net.http.HttpRequest hal(String filterName, String user) {
    String id = filters.createFilterQuery().filterName(filterName).singleResult().getId();
    return http.request("/engine-rest/filter/" + id + "/list?firstResult=0&maxResults=200", user)
        .header("Accept", "application/hal+json").GET().build();
  }

  /** The card variables of the task of the dossier with this code; fails if the list has no such card. */
  private static Map<String, String> card(JsonNode list, String code) {
    for (JsonNode task : list.path("_embedded").path("task")) {
      Map<String, String> variables = variables(task);
      if (code.equals(variables.get("dossierCode"))) {
        return variables;
      }
    }
    throw new AssertionError("No card with dossier code " + code + " in " + list);
  }

  private static java.util.List<String> codes(JsonNode list) {
    java.util.List<String> codes = new java.util.ArrayList<>();
    list.path("_embedded").path("task").forEach(t -> codes.add(variables(t).get("dossierCode")));
    return codes;
  }

  private static Map<String, String> variables(JsonNode task) {
    Map<String, String> variables = new HashMap<>();
    task.path("_embedded").path("variable").forEach(v -> variables.put(v.path("name").asText(), v.path("value").asText()));
    return variables;
  }
}
