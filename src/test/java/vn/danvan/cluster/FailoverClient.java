package vn.danvan.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import vn.danvan.dossier.DossierProcess;
import vn.danvan.support.Http;
import vn.danvan.support.ProcedureSamples;

/**
 * The one-stop lifecycle over HTTP against several nodes, as the officials' browsers behind a load
 * balancer would drive it: every request goes to a node chosen at random among those this client
 * has not seen fail. A request that gets no answer (connection refused or reset, time-out) may or may
 * not have been carried out, so the client never repeats it blindly: it marks the node down, looks up
 * on another node where the dossier stands, and does what is still to be done: a start is repeated
 * only if no dossier with the citizen's ID number exists, a task is claimed and completed only if it
 * is still open.
 */
final class FailoverClient {

  static final String UNIT = "dongha";
  static final String OFFICER = UNIT + ".officer";
  static final String SPECIALIST = UNIT + ".specialist";
  static final String CHAIRMAN = UNIT + ".chairman";
  static final String ADMIN = "demo";

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(60);
  private static final long DOSSIER_TIMEOUT_NANOS = Duration.ofMinutes(4).toNanos();

  /** A request that got no answer: it may or may not have been carried out. */
  static final class NoAnswer extends Exception {
    NoAnswer(String node, String what, Exception cause) {
      super(what + " on " + node + " got no answer: " + cause, cause);
    }
  }

  private record Answer(int status, String body) {
    JsonNode json() throws IOException {
      return body.isEmpty() ? JSON.nullNode() : JSON.readTree(body);
    }
  }

  /** The steps after the start, each with the task that carries it out and the official who does. */
  private enum Step {
    APPRAISE(DossierProcess.TASK_APPRAISE, SPECIALIST, variables(DossierProcess.VAR_APPRAISAL_RESULT,
        "\"" + DossierProcess.APPRAISAL_PROPOSE_APPROVE + "\"", DossierProcess.VAR_APPRAISAL_OPINION,
        "\"Hồ sơ hợp lệ, đề nghị chứng thực\"")),
    APPROVE(DossierProcess.TASK_APPROVE, CHAIRMAN, variables(DossierProcess.VAR_APPROVAL_DECISION,
        "\"" + DossierProcess.APPROVAL_APPROVE + "\"")),
    RETURN(DossierProcess.TASK_RETURN, OFFICER, variables(DossierProcess.VAR_RESULT_HANDED_OVER, "true",
        DossierProcess.VAR_SATISFACTION, "\"4\""));

    final String taskKey;
    final String user;
    final String variables;

    Step(String taskKey, String user, String variables) {
      this.taskKey = taskKey;
      this.user = user;
      this.variables = variables;
    }

    /** {@code {"name":{"value":json}, …}} of name, JSON value pairs. */
    private static String variables(String... namesAndValues) {
      StringBuilder json = new StringBuilder("{");
      for (int i = 0; i < namesAndValues.length; i += 2) {
        json.append(i == 0 ? "" : ",").append('"').append(namesAndValues[i]).append("\":{\"value\":")
            .append(namesAndValues[i + 1]).append('}');
      }
      return json.append('}').toString();
    }
  }

  private final List<ClusterNode> nodes;
  private final Set<String> down = ConcurrentHashMap.newKeySet();
  private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  final AtomicInteger approved = new AtomicInteger();
  final AtomicInteger noAnswers = new AtomicInteger();
  final AtomicInteger startsFoundAfterNoAnswer = new AtomicInteger();

  FailoverClient(List<ClusterNode> nodes) {
    this.nodes = nodes;
  }

  /** The ID number of dossier {@code n}: unique in the run, how a lost answer's dossier is found again. */
  static String idNumber(int n) {
    return "0452" + String.format("%08d", n);
  }

  /** Dossier {@code n} from the counter to the hand-over; returns its code. */
  String lifecycle(int n) throws Exception {
    long begin = System.nanoTime();
    String code = start(n);
    int step = 0;
    while (true) {
      if (System.nanoTime() - begin > DOSSIER_TIMEOUT_NANOS) {
        throw new IllegalStateException("Dossier " + code + " not returned within " + DOSSIER_TIMEOUT_NANOS / 1e9 + " s");
      }
      try {
        if (step == Step.values().length) {
          String state = call("GET", "/api/dossiers/" + code, OFFICER, null, 200).json().path("state").asText();
          if (!state.equals("RETURNED")) {
            throw new IllegalStateException("Dossier " + code + " ended in state " + state);
          }
          return code;
        }
        Step current = Step.values()[step];
        String task = openTask(code, current);
        if (task == null) {
          // the step may have been done by a request whose answer was lost: look at the next ones
          int later = laterStepOpen(code, step);
          if (later > step) {
            step = later;
          } else if (current == Step.RETURN && returned(code)) {
            step = Step.values().length;
          } else {
            Thread.sleep(current == Step.RETURN ? 100 : 20); // the signing job runs, or a step commits
          }
          continue;
        }
        call("POST", "/engine-rest/task/" + task + "/claim", current.user, "{\"userId\":\"" + current.user + "\"}", 204);
        call("POST", "/engine-rest/task/" + task + "/complete", current.user, "{\"variables\":" + current.variables + "}", 204);
        if (current == Step.APPROVE) {
          approved.incrementAndGet();
        }
        step++;
      } catch (NoAnswer e) {
        noAnswers.incrementAndGet(); // the node is marked down; the loop looks where the dossier stands
      }
    }
  }

  private String start(int n) throws Exception {
    String phone = "09" + String.format("%08d", n);
    String body = ProcedureSamples.apiBody("""
        {"procedureCode":"CERTIFIED_COPY","unit":"%s","applicantName":"Nguyễn Văn An","idNumber":"%s",
         "phone":"%s","email":"cd%d@example.vn","channel":"COUNTER","applicantAddress":"12 Lê Duẩn, Đông Hà",
         "documentList":"Bản chính và bản sao giấy tờ"}""".formatted(UNIT, idNumber(n), phone, n));
    while (true) {
      try {
        return call("POST", "/api/dossiers", OFFICER, body, 201).json().path("code").asText();
      } catch (NoAnswer lost) {
        noAnswers.incrementAndGet();
        String found = findByIdNumber(idNumber(n));
        if (found != null) {
          startsFoundAfterNoAnswer.incrementAndGet();
          return found;
        }
      }
    }
  }

  /** The code of the dossier with this ID number, if one was started (looked up on a live node). */
  private String findByIdNumber(String idNumber) throws Exception {
    while (true) {
      try {
        JsonNode found = call("GET", "/engine-rest/history/process-instance?processDefinitionKey=" + DossierProcess.KEY
            + "&variables=" + DossierProcess.VAR_ID_NUMBER + "_eq_" + idNumber, ADMIN, null, 200).json();
        if (found.size() > 1) {
          throw new IllegalStateException(found.size() + " dossiers with ID number " + idNumber);
        }
        return found.isEmpty() ? null : found.get(0).path("businessKey").asText();
      } catch (NoAnswer e) {
        noAnswers.incrementAndGet();
      }
    }
  }

  private String openTask(String code, Step step) throws Exception {
    JsonNode tasks = call("GET", "/engine-rest/task?processInstanceBusinessKey=" + code + "&taskDefinitionKey="
        + step.taskKey, step.user, null, 200).json();
    if (tasks.size() > 1) {
      throw new IllegalStateException(tasks.size() + " open " + step.taskKey + " of " + code);
    }
    return tasks.isEmpty() ? null : tasks.get(0).path("id").asText();
  }

  private int laterStepOpen(String code, int step) throws Exception {
    for (int later = step + 1; later < Step.values().length; later++) {
      if (openTask(code, Step.values()[later]) != null) {
        return later;
      }
    }
    return step;
  }

  private boolean returned(String code) throws Exception {
    return call("GET", "/api/dossiers/" + code, OFFICER, null, 200).json().path("state").asText().equals("RETURNED");
  }

  private Answer call(String method, String path, String user, String json, int expected) throws Exception {
    ClusterNode node = pick();
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(node.baseUrl() + path)).timeout(REQUEST_TIMEOUT)
        .header("Authorization", Http.basic(user, "demo"));
    Http.withJson(request, method, json);
    HttpResponse<String> response;
    try {
      response = client.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    } catch (IOException e) {
      down.add(node.name());
      throw new NoAnswer(node.name(), method + " " + path, e);
    }
    if (response.statusCode() != expected) {
      throw new IllegalStateException(method + " " + path + " on " + node.name() + ": " + response.statusCode() + " "
          + response.body());
    }
    return new Answer(response.statusCode(), response.body());
  }

  /** A node at random among those this client has not seen fail. */
  private ClusterNode pick() {
    List<ClusterNode> up = nodes.stream().filter(n -> !down.contains(n.name())).toList();
    if (up.isEmpty()) {
      throw new IllegalStateException("No node answers");
    }
    return up.get(ThreadLocalRandom.current().nextInt(up.size()));
  }
}
