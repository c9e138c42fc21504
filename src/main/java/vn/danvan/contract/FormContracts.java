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
import java.time.Duration;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.form.CamundaFormRef;
import org.camunda.bpm.engine.form.StartFormData;
import org.camunda.bpm.engine.form.TaskFormData;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.EventListener;
import vn.danvan.deployment.DeploymentsChanged;
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
 *
 * <p>Which form a task or start event uses is known from its form data (form key, binding, version,
 * tenant, and for a deployment binding the process definition). For {@code danvan.performance.form-cache}
 * (PT10S) the contract found for that reference is reused without reading the deployed form again;
 * the form data itself is still read as the calling user every time, so access is checked as
 * before. A deployment or deletion on this node forgets every reference at once
 * ({@link DeploymentsChanged}); one on another node of a cluster counts within that time.
 * {@code PT0S}: the deployed form is read on every call.
 */
@Component
public class FormContracts {

  private static final String CAMUNDA_FORMS_PREFIX = "camunda-forms:";

  private final FormService forms;
  private final ObjectMapper json = new ObjectMapper();
  private final Map<String, FormContract> cache = new ConcurrentHashMap<>();
  /** Contracts by form reference, with the time they were read (danvan.performance.form-cache). */
  private final Map<String, Known> known = new ConcurrentHashMap<>();
  private final long trustNanos;
  private final LongSupplier nanoClock;
  /** Counts the local deployment events: a form read while one happened is not kept. */
  private final java.util.concurrent.atomic.AtomicLong changes = new java.util.concurrent.atomic.AtomicLong();

  private record Known(FormContract contract, long readAtNanos) {}

  @org.springframework.beans.factory.annotation.Autowired
  FormContracts(ProcessEngine engine, @Value("${danvan.performance.form-cache:PT10S}") Duration trust) {
    this(engine, trust, System::nanoTime);
  }

  FormContracts(ProcessEngine engine, Duration trust, LongSupplier nanoClock) {
    this.forms = engine.getFormService();
    this.trustNanos = trust.toNanos();
    this.nanoClock = nanoClock;
  }

  /** The task's form contract, or empty if the task has no Camunda Form (then it accepts no variables). */
  public Optional<FormContract> forTask(String taskId) {
    TaskFormData data = forms.getTaskFormData(taskId);
    String definition = data == null || data.getTask() == null ? null : data.getTask().getProcessDefinitionId();
    String tenant = data == null || data.getTask() == null ? null : data.getTask().getTenantId();
    return load(data, definition, tenant, () -> forms.getDeployedTaskForm(taskId));
  }

  /** The start form contract of a process definition, or empty if it has no Camunda start form. */
  public Optional<FormContract> forStart(String processDefinitionId) {
    StartFormData data = forms.getStartFormData(processDefinitionId);
    String tenant = data == null || data.getProcessDefinition() == null ? null : data.getProcessDefinition().getTenantId();
    return load(data, processDefinitionId, tenant, () -> forms.getDeployedStartForm(processDefinitionId));
  }

  /** A form was deployed or deleted on this node (committed): every reference is resolved again. */
  @EventListener
  void deploymentsChanged(DeploymentsChanged change) {
    if (change.mayConcern(".form")) {
      changes.incrementAndGet();
      known.clear();
    }
  }

  private Optional<FormContract> load(FormData data, String definition, String tenant, Supplier<InputStream> deployed) {
    boolean camundaForm = data != null && (data.getCamundaFormRef() != null
        || (data.getFormKey() != null && data.getFormKey().startsWith(CAMUNDA_FORMS_PREFIX)));
    if (!camundaForm) {
      return Optional.empty();
    }
    String reference = reference(data, definition, tenant);
    long now = nanoClock.getAsLong();
    Known seen = trustNanos > 0 ? known.get(reference) : null;
    if (seen != null && now - seen.readAtNanos() < trustNanos) {
      return Optional.of(seen.contract());
    }
    long changesSeen = changes.get();
    FormContract contract = read(data, deployed);
    if (trustNanos > 0) {
      if (known.size() >= 10_000) {
        known.clear(); // many more forms than any installation has: start again rather than grow
      }
      known.put(reference, new Known(contract, now));
      if (changes.get() != changesSeen) {
        // a form deployed while this one was read would otherwise stay unseen for the trusted time
        known.remove(reference);
      }
    }
    return Optional.of(contract);
  }

  /**
   * What names the deployed form: the form key with its binding and version, the tenant, and for a
   * deployment binding (or a deployment-relative form key) the process definition whose deployment holds it.
   */
  private static String reference(FormData data, String definition, String tenant) {
    CamundaFormRef ref = data.getCamundaFormRef();
    if (ref != null) {
      return "ref|" + ref.getKey() + "|" + ref.getBinding() + "|" + ref.getVersion() + "|" + tenant + "|"
          + ("deployment".equals(ref.getBinding()) ? definition : "");
    }
    return "key|" + data.getFormKey() + "|" + tenant + "|" + definition;
  }

  private FormContract read(FormData data, Supplier<InputStream> deployed) {
    byte[] bytes;
    try (InputStream in = deployed.get()) {
      bytes = in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    String id = data.getCamundaFormRef() != null ? data.getCamundaFormRef().getKey() : data.getFormKey();
    return cache.computeIfAbsent(id + "@" + sha256(bytes), key -> parse(bytes));
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
