package vn.danvan.contract;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.repository.ProcessDefinitionQuery;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;
import vn.danvan.identity.Roles;
import vn.danvan.config.CachedBodyRequest;

/**
 * Guards every door of Camunda's REST API that writes variables, on both mounts ({@code /engine-rest}
 * and the webapps' {@code /camunda/api/engine/engine/{name}}, which Tasklist and Cockpit use): a
 * task completion (complete, submit-form, resolve) may set only what the task's Camunda Form lets
 * its user edit ({@link FormContract}); a task variable write obeys the same form (admins may repair
 * freely); a start is checked by {@link StartContracts} before the engine starts anything, so that
 * both mounts answer 400 with the field; the doors that write process variables without a form
 * (process-instance and execution variables, set-variables batches, modification, migration,
 * messages, signals and external-task completions carrying variables) are refused to non-admins.
 * A refusal is answered here, before Camunda sees the request: nothing is written, the task stays open.
 *
 * <p>Why a servlet filter: it is the one place both REST mounts share (the webapps' engine API is
 * a separate Jersey application that Camunda's webapp initializer builds, so a Jersey filter would
 * need two registrations), it sees exactly the variables a client sent and the authenticated user,
 * and it leaves our own domain code free to set server-side values through the Java API (the
 * supplement step sets the receiving officer, which no form offers). An engine hook on task
 * completion cannot tell the two apart, and Camunda's commands keep their variables in private
 * fields of implementation classes. Starts, where every door (REST, Tasklist, our API, messages)
 * must be covered, are enforced in the engine as well ({@link StartContractListener}).
 *
 * <p>It runs after authentication: after our HTTP Basic filter on {@code /engine-rest} (filter
 * order), and after the webapps' authentication filter on their mount (mapped by servlet name,
 * which the servlet container chains after every URL-pattern filter). The body is read once, at
 * most {@value #MAX_BODY} bytes, and handed on unchanged.
 */
public class VariableWriteGuard extends OncePerRequestFilter {

  private static final Logger LOG = LoggerFactory.getLogger(VariableWriteGuard.class);
  static final int MAX_BODY = 2 * 1024 * 1024;
  private static final List<String> VARIABLE_FIELDS = List.of("variables", "localVariables", "processVariables",
      "processVariablesLocal", "processVariablesToTriggeredScope", "variablesLocal");

  private final ProcessEngine engine;
  private final FormContracts forms;
  private final StartContracts starts;
  private final ObjectMapper json = new ObjectMapper();
  private final boolean oneCommand;

  /**
   * @param oneCommand whether a task's form check runs its engine reads as one command, which the
   *     completion then joins ({@link EngineReads}, {@link #checkAndComplete};
   *     {@code danvan.performance.form-check-in-one-command}, off in the benchmark's stock run)
   */
  public VariableWriteGuard(ProcessEngine engine, FormContracts forms, StartContracts starts, boolean oneCommand) {
    this.oneCommand = oneCommand;
    this.engine = engine;
    this.forms = forms;
    this.starts = starts;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    VariableDoor door = VariableDoor.of(request.getMethod(), request.getPathInfo());
    if (door == null) {
      chain.doFilter(request, response);
      return;
    }
    Authentication user = engine.getIdentityService().getCurrentAuthentication();
    if (user == null || user.getUserId() == null) {
      answer(response, HttpServletResponse.SC_UNAUTHORIZED, "AuthenticationException", "Authentication required", null);
      return;
    }
    boolean admin = user.getGroupIds() != null && user.getGroupIds().contains(Roles.ADMIN);
    if (admin && door.kind() != VariableDoor.Kind.TASK_COMPLETION && door.kind() != VariableDoor.Kind.PROCESS_START) {
      chain.doFilter(request, response);
      return;
    }
    if (door.kind() == VariableDoor.Kind.ADMIN_ONLY || door.kind() == VariableDoor.Kind.TASK_VARIABLE_ADMIN_ONLY) {
      answer(response, HttpServletResponse.SC_FORBIDDEN, AuthorizationException.class.getSimpleName(),
          "Only administrators write variables here; officials change a case through its task forms", door.variable());
      return;
    }
    byte[] body = read(request.getInputStream());
    if (body == null) {
      answer(response, HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE, "InvalidRequestException",
          "The request body is larger than " + MAX_BODY + " bytes", null);
      return;
    }
    try {
      JsonNode payload = body.length == 0 ? JsonNodeFactory.instance.objectNode() : json.readTree(body);
      if (oneCommand && door.kind() == VariableDoor.Kind.TASK_COMPLETION) {
        checkAndComplete(door, payload, user, admin, new CachedBodyRequest(request, body), response, chain);
        return;
      }
      check(door, payload, user, admin);
    } catch (JsonProcessingException e) {
      answer(response, HttpServletResponse.SC_BAD_REQUEST, "InvalidRequestException", "The request body is not valid JSON", null);
      return;
    } catch (ContractViolation e) {
      response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
      response.setContentType(MediaType.APPLICATION_JSON_VALUE);
      response.setCharacterEncoding(StandardCharsets.UTF_8.name());
      response.getOutputStream().write(json.writeValueAsBytes(e.answer()));
      return;
    } catch (Refused e) {
      answer(response, e.status, e.type, e.getMessage(), e.field);
      return;
    } catch (AuthorizationException e) {
      answer(response, HttpServletResponse.SC_FORBIDDEN, AuthorizationException.class.getSimpleName(), e.getMessage(), null);
      return;
    }
    chain.doFilter(new CachedBodyRequest(request, body), response);
  }

  /**
   * A completion's form check and the completion itself in one engine command: the engine reads the
   * task, its execution, its definition and its variables once for both, and writes everything
   * when the command ends. The answer is held back until then.
   *
   * <p>The three completion doors (complete, submit-form, resolve) each make one engine call and
   * answer an error when it fails. Such an answer, or an exception, ends the command without
   * writing: a failed completion may have changed entities half-way, and they must not be
   * written. If the writing or the commit fails after a success was answered, the answer becomes
   * a 500 and nothing is written.
   */
  private void checkAndComplete(VariableDoor door, JsonNode payload, Authentication user, boolean admin,
      HttpServletRequest request, HttpServletResponse response, FilterChain chain) throws IOException, ServletException {
    ContentCachingResponseWrapper held = new ContentCachingResponseWrapper(response);
    boolean[] answeredSuccess = {false};
    RuntimeException refusal;
    try {
      refusal = EngineReads.together(engine, () -> {
        try {
          check(door, payload, user, admin);
        } catch (ContractViolation | Refused | AuthorizationException refused) {
          // answered by the caller; the command has only read, and ends without an error to log
          return refused;
        }
        try {
          chain.doFilter(request, held);
        } catch (IOException | ServletException e) {
          throw new Passed(e);
        }
        if (held.getStatus() >= 400) {
          throw ErrorAnswered.INSTANCE;
        }
        answeredSuccess[0] = true;
        return null;
      });
    } catch (ErrorAnswered answered) {
      // the completion failed and its error is the answer; the command wrote nothing
      refusal = null;
    } catch (Passed e) {
      if (e.getCause() instanceof IOException io) {
        throw io;
      }
      throw (ServletException) e.getCause();
    } catch (RuntimeException e) {
      if (!answeredSuccess[0]) {
        throw e;
      }
      refusal = null;
      LOG.warn("Completion of a task failed when written: {}", e.getClass().getSimpleName());
      held.reset();
      answer(held, HttpServletResponse.SC_INTERNAL_SERVER_ERROR, e.getClass().getSimpleName(),
          "The task could not be completed (a concurrent change?); nothing was changed, try again", null);
    }
    if (refusal != null) {
      throw refusal;
    }
    held.copyBodyToResponse();
  }

  /**
   * Ends the completion's command without writing, when the completion was answered with an error
   * (a bad request to the engine, which logs it only at debug level: the answer says it all).
   */
  private static final class ErrorAnswered extends BadUserRequestException {
    static final ErrorAnswered INSTANCE = new ErrorAnswered();

    private ErrorAnswered() {
      super("the completion was answered with an error");
    }
  }

  /** Carries a servlet exception of the filter chain out of the engine command. */
  private static final class Passed extends RuntimeException {
    Passed(Exception cause) {
      super(cause);
    }
  }

  private void check(VariableDoor door, JsonNode payload, Authentication user, boolean admin) {
    switch (door.kind()) {
      case TASK_COMPLETION -> {
        Map<String, Object> submitted = SubmittedVariables.of(payload.get("variables"));
        checkTask(door.id(), submitted, FormContract.Mode.COMPLETE);
      }
      case TASK_VARIABLE_PUT -> {
        Map<String, Object> submitted = new HashMap<>();
        submitted.put(door.variable(), SubmittedVariables.value(door.variable(), payload));
        checkTask(door.id(), submitted, FormContract.Mode.WRITE);
      }
      case TASK_VARIABLE_MODIFY -> {
        JsonNode deletions = payload.path("deletions");
        if (deletions.isArray() && !deletions.isEmpty()) {
          throw new ContractViolation(deletions.get(0).asText(), "A form never deletes a variable");
        }
        checkTask(door.id(), SubmittedVariables.of(payload.get("modifications")), FormContract.Mode.WRITE);
      }
      case TASK_WITH_VARIABLES, ADMIN_ONLY_WITH_VARIABLES -> {
        String carried = carriedVariable(payload);
        if (carried != null) {
          throw new Refused(HttpServletResponse.SC_FORBIDDEN, AuthorizationException.class.getSimpleName(),
              "Only administrators set variables this way; officials change a case through its task forms", carried);
        }
      }
      case PROCESS_START -> checkStart(door.id(), payload, user, admin);
      default -> throw new IllegalStateException("Unhandled door " + door.kind());
    }
  }

  private void checkTask(String taskId, Map<String, Object> submitted, FormContract.Mode mode) {
    Supplier<TaskForm> reads = () -> {
      // the row itself, not a count: in one command the engine then reads the task from its cache
      if (engine.getTaskService().createTaskQuery().taskId(taskId).singleResult() == null) {
        return null;
      }
      Optional<FormContract> contract = forms.forTask(taskId);
      return new TaskForm(contract.orElse(null),
          contract.isEmpty() ? Map.of() : new HashMap<>(engine.getFormService().getTaskFormVariables(taskId)));
    };
    TaskForm form = oneCommand ? EngineReads.together(engine, reads) : reads.get();
    if (form == null) {
      // as reading it: a task of another unit (or none) is not found, whatever was sent
      throw new Refused(HttpServletResponse.SC_NOT_FOUND, "NotFound", "Not found among the cases of your units", null);
    }
    if (form.contract() == null) {
      submitted.keySet().stream().findFirst().ifPresent(name -> {
        throw new ContractViolation(name, "This task has no form: it is completed without variables");
      });
      return;
    }
    form.contract().check(submitted, form.current(), Set.of(), mode);
  }

  /** What a task's check reads from the engine: its form's contract (null: no Camunda Form) and current values. */
  private record TaskForm(FormContract contract, Map<String, Object> current) {}

  private void checkStart(String definition, JsonNode payload, Authentication user, boolean admin) {
    if (!admin && (hasContent(payload.path("startInstructions")) || payload.path("skipCustomListeners").asBoolean(false)
        || payload.path("skipIoMappings").asBoolean(false))) {
      throw new Refused(HttpServletResponse.SC_FORBIDDEN, AuthorizationException.class.getSimpleName(),
          "Only administrators start a process elsewhere than at its start event", "startInstructions");
    }
    ProcessDefinition found = resolve(definition);
    if (found == null) {
      return; // Camunda answers the unknown definition itself
    }
    starts.check(found.getId(), found.getKey(), null, user, SubmittedVariables.of(payload.get("variables")));
  }

  /** The definition of {@code id}, {@code key/K} or {@code key/K/tenant-id/T}, as the engine resolves it. */
  private ProcessDefinition resolve(String definition) {
    ProcessDefinitionQuery query = engine.getRepositoryService().createProcessDefinitionQuery();
    if (definition.startsWith("key/")) {
      String[] parts = definition.split("/");
      query.processDefinitionKey(parts[1]).latestVersion();
      if (parts.length == 4) {
        query.tenantIdIn(parts[3]);
      } else {
        query.withoutTenantId();
      }
    } else {
      query.processDefinitionId(definition);
    }
    List<ProcessDefinition> list = query.list();
    return list.size() == 1 ? list.get(0) : null;
  }

  private static String carriedVariable(JsonNode payload) {
    for (String field : VARIABLE_FIELDS) {
      JsonNode variables = payload.path(field);
      if (variables.isObject() && !variables.isEmpty()) {
        Iterator<String> names = variables.fieldNames();
        return names.next();
      }
    }
    return null;
  }

  private static boolean hasContent(JsonNode node) {
    return !node.isMissingNode() && !node.isNull() && !(node.isContainerNode() && node.isEmpty());
  }

  /** The body, or null if it is larger than {@link #MAX_BODY}. */
  private static byte[] read(InputStream in) throws IOException {
    byte[] bytes = in.readNBytes(MAX_BODY + 1);
    return bytes.length > MAX_BODY ? null : bytes;
  }

  private void answer(HttpServletResponse response, int status, String type, String message, String field)
      throws IOException {
    Map<String, String> body = new LinkedHashMap<>();
    body.put("type", type);
    body.put("message", message);
    if (field != null) {
      body.put("field", field);
    }
    response.setStatus(status);
    response.setContentType(MediaType.APPLICATION_JSON_VALUE);
    response.setCharacterEncoding(StandardCharsets.UTF_8.name());
    response.getOutputStream().write(json.writeValueAsBytes(body));
  }

  /** A refusal with its own status (403, 404) rather than a field error. */
  private static final class Refused extends RuntimeException {
    final int status;
    final String type;
    final String field;

    Refused(int status, String type, String message, String field) {
      super(message, null, false, false);
      this.status = status;
      this.type = type;
      this.field = field;
    }
  }
}
