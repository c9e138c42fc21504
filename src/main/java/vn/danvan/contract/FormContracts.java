package vn.danvan.contract;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.form.FormData;
import org.springframework.stereotype.Component;

/**
 * The {@link FormContract} of a task's or a start event's deployed Camunda Form, read through the
 * public {@link FormService} ({@code getDeployedTaskForm}, {@code getDeployedStartForm}) as the
 * calling user, so that a user who may not see the task learns nothing about its form.
 *
 * <p>Parsed contracts are cached per deployed form version: the key is the form id with the
 * SHA-256 of the deployed bytes (the engine offers no public query for form definitions and their
 * versions; the digest changes exactly when a new version with other content is deployed).
 */
@Component
public class FormContracts {

  private static final String CAMUNDA_FORMS_PREFIX = "camunda-forms:";

  private final FormService forms;
  private final ObjectMapper json = new ObjectMapper();
  private final Map<String, FormContract> cache = new ConcurrentHashMap<>();

  FormContracts(ProcessEngine engine) {
    this.forms = engine.getFormService();
  }

  /** The task's form contract, or empty if the task has no Camunda Form (then it accepts no variables). */
  public Optional<FormContract> forTask(String taskId) {
    return load(forms.getTaskFormData(taskId), () -> forms.getDeployedTaskForm(taskId));
  }

  /** The start form contract of a process definition, or empty if it has no Camunda start form. */
  public Optional<FormContract> forStart(String processDefinitionId) {
    return load(forms.getStartFormData(processDefinitionId), () -> forms.getDeployedStartForm(processDefinitionId));
  }

  private Optional<FormContract> load(FormData data, Supplier<InputStream> deployed) {
    boolean camundaForm = data != null && (data.getCamundaFormRef() != null
        || (data.getFormKey() != null && data.getFormKey().startsWith(CAMUNDA_FORMS_PREFIX)));
    if (!camundaForm) {
      return Optional.empty();
    }
    byte[] bytes;
    try (InputStream in = deployed.get()) {
      bytes = in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    String id = data.getCamundaFormRef() != null ? data.getCamundaFormRef().getKey() : data.getFormKey();
    return Optional.of(cache.computeIfAbsent(id + "@" + sha256(bytes), key -> parse(bytes)));
  }

  private FormContract parse(byte[] bytes) {
    try {
      return FormContract.parse(json.readTree(bytes));
    } catch (IOException e) {
      throw new UncheckedIOException("A deployed form is not valid JSON", e);
    }
  }

  private static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
