package vn.danvan.contract;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * What a deployed Camunda Form (form-js schema, version ≤ 16) lets its user submit, checked on the
 * server: only the keyed inputs that are neither read-only nor disabled nor hidden by their
 * {@code conditional.hide} (FEEL, on the submitted values over the case's current ones), each value
 * of the type its component produces and within the form's own rules (required, minLength,
 * maxLength, pattern, min, max, validationType, the allowed values of options). A read-only field
 * may be sent back unchanged — Tasklist's form-js submits read-only fields with their current value
 * — but not changed. Anything else is a {@link ContractViolation} naming the field.
 *
 * <p>Immutable and thread-safe: parsed once per deployed form (see {@link FormContracts}).
 */
public final class FormContract {

  /** A completion checks every rule; a variable write outside completion skips {@code required}. */
  public enum Mode { COMPLETE, WRITE }

  // form-js 1.x's own expressions for validationType (packages/form-js-viewer, Validator.js)
  private static final Pattern EMAIL = Pattern.compile(
      "^(([^<>()\\[\\]\\\\.,;:\\s@\"]+(\\.[^<>()\\[\\]\\\\.,;:\\s@\"]+)*)|(\".+\"))@((\\[[0-9]{1,3}\\.[0-9]{1,3}\\.[0-9]{1,3}\\.[0-9]{1,3}])|(([a-zA-Z\\-0-9]+\\.)+[a-zA-Z]{2,}))$");
  private static final Pattern PHONE = Pattern.compile("^(\\+|00)[1-9][0-9]{6,14}$");
  private static final Map<String, Pattern> DATETIME = Map.of(
      "date", Pattern.compile("\\d{4}-\\d{2}-\\d{2}"),
      "time", Pattern.compile("\\d{2}:\\d{2}(:\\d{2})?(Z|[+-]\\d{2}:?\\d{2})?"),
      "datetime", Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}(:\\d{2}(\\.\\d{1,3})?)?(Z|[+-]\\d{2}:?\\d{2})?"));

  private static final Pattern ISO_DATE = Pattern.compile("(\\d{4})-(\\d{2})-(\\d{2})");

  private final String formId;
  private final Map<String, FormField> fields;
  private final Set<String> notEditable;
  private final Set<String> hideConditions;

  private FormContract(String formId, Map<String, FormField> fields, Set<String> notEditable) {
    this.formId = formId;
    this.fields = fields;
    this.hideConditions = fields.values().stream().flatMap(f -> f.hideConditions().stream())
        .collect(java.util.stream.Collectors.toCollection(java.util.LinkedHashSet::new));
    this.notEditable = notEditable;
  }

  /** The contract of a form-js schema. */
  public static FormContract parse(JsonNode schema) {
    Map<String, FormField> fields = new LinkedHashMap<>();
    Set<String> notEditable = new LinkedHashSet<>();
    collect(schema.path("components"), List.of(), false, fields, notEditable);
    return new FormContract(schema.path("id").asText(null), fields, notEditable);
  }

  public String formId() {
    return formId;
  }

  /** The keys of the inputs a user may edit (hidden ones included: hiding depends on the values). */
  public Set<String> editableKeys() {
    Set<String> keys = new LinkedHashSet<>();
    fields.values().stream().filter(FormField::editable).forEach(f -> keys.add(f.key()));
    return keys;
  }

  /**
   * The editable fields a person sees when the form holds {@code values}: none of their
   * {@code conditional.hide} conditions (their own, their groups') holds. With only a
   * {@code procedureCode}, the start form's fields for that procedure.
   */
  public Set<String> shownKeys(Map<String, Object> values) {
    Set<String> shown = new LinkedHashSet<>();
    java.util.function.Predicate<FormField> hidden = hiddenWith(values);
    fields.values().stream().filter(f -> f.editable() && !hidden.test(f)).forEach(f -> shown.add(f.key()));
    return shown;
  }

  /**
   * The form's keyed fields in {@code values} as a person reads them, for documents built from what
   * was entered: an option value as its label ({@code FEMALE} → "Nữ"), a form-js date
   * ({@code 2026-03-05}) as 5/3/2026, a checkbox as Có/Không, anything else as its text. Fields
   * without a value are left out.
   */
  public Map<String, String> readableValues(Map<String, Object> values) {
    Map<String, String> readable = new LinkedHashMap<>();
    for (FormField field : fields.values()) {
      Object value = values.get(field.key());
      if (empty(value)) {
        continue;
      }
      readable.put(field.key(), readable(field, value));
    }
    return readable;
  }

  private static String readable(FormField field, Object value) {
    if (value instanceof Collection<?> items) {
      List<String> texts = new ArrayList<>();
      items.forEach(item -> texts.add(field.optionLabels().getOrDefault(String.valueOf(item), String.valueOf(item))));
      return String.join(", ", texts);
    }
    if (value instanceof Boolean flag) {
      return flag ? "Có" : "Không";
    }
    if (value instanceof Number number) {
      return new BigDecimal(number.toString()).stripTrailingZeros().toPlainString();
    }
    if (value instanceof Date date) {
      return java.time.format.DateTimeFormatter.ofPattern("d/M/yyyy")
          .withZone(java.time.ZoneId.of("Asia/Ho_Chi_Minh")).format(date.toInstant());
    }
    String text = value.toString();
    if (field.optionLabels().containsKey(text)) {
      return field.optionLabels().get(text);
    }
    java.util.regex.Matcher date = ISO_DATE.matcher(text);
    if (field.type().equals("datetime") && date.lookingAt()) {
      return Integer.parseInt(date.group(3)) + "/" + Integer.parseInt(date.group(2)) + "/" + date.group(1);
    }
    return text;
  }

  /**
   * Checks {@code submitted} (variable name → value as Java sees it: String, Number, Boolean, List,
   * Map, null) against the form.
   *
   * @param current the case's variables now (task variables; empty for a start)
   * @param alsoAllowed names a caller accepts beyond the form (a start contract's own variables)
   * @throws ContractViolation on the first field at fault
   */
  public void check(Map<String, Object> submitted, Map<String, Object> current, Set<String> alsoAllowed, Mode mode) {
    Map<String, Object> context = new HashMap<>(current);
    context.putAll(submitted);
    java.util.function.Predicate<FormField> hidden = hiddenWith(context);
    for (Map.Entry<String, Object> entry : submitted.entrySet()) {
      String name = entry.getKey();
      Object value = entry.getValue();
      FormField field = fields.get(name);
      if (field == null || !field.editable()) {
        if (alsoAllowed.contains(name)) {
          continue;
        }
        if (field != null || notEditable.contains(name)) {
          if (sameValue(value, current.get(name))) {
            continue; // sent back unchanged, as Tasklist does with read-only fields
          }
          throw new ContractViolation(name, "Trường " + (field == null ? name : field.display())
              + " chỉ được xem trên biểu mẫu " + formId + ", không được sửa");
        }
        throw new ContractViolation(name, "Biểu mẫu " + formId + " không có trường '" + name + "'");
      }
      if (hidden.test(field)) {
        if (empty(value)) {
          continue;
        }
        throw new ContractViolation(name, "Trường " + field.display() + " đang ẩn trên biểu mẫu " + formId
            + " với các giá trị đã chọn, không được nhập");
      }
      checkValue(field, value, context);
    }
    if (mode == Mode.COMPLETE) {
      for (FormField field : fields.values()) {
        if (field.editable() && field.required() && !hidden.test(field)) {
          Object value = submitted.containsKey(field.key()) ? submitted.get(field.key()) : current.get(field.key());
          if (empty(value) || (field.type().equals("checkbox") && Boolean.FALSE.equals(value))) {
            throw new ContractViolation(field.key(), "Trường " + field.display() + " là bắt buộc");
          }
        }
      }
    }
  }

  private void checkValue(FormField field, Object value, Map<String, Object> context) {
    if (value == null) {
      return;
    }
    switch (field.type()) {
      case "checkbox" -> {
        if (!(value instanceof Boolean)) {
          throw wrongType(field, "đúng/sai (Boolean)");
        }
      }
      case "number" -> checkNumber(field, value);
      case "checklist", "taglist" -> {
        if (!(value instanceof Collection<?> items)) {
          throw wrongType(field, "danh sách (Json)");
        }
        for (Object item : items) {
          if (!(item instanceof String text) || !allowed(field, text, context)) {
            throw notAllowed(field, item);
          }
        }
      }
      default -> {
        if (!(value instanceof String text)) {
          throw wrongType(field, "chuỗi (String)");
        }
        if (field.hasOptions() && !text.isEmpty() && !allowed(field, text, context)) {
          throw notAllowed(field, text);
        }
        checkText(field, text);
      }
    }
  }

  private static void checkText(FormField field, String text) {
    if (text.isEmpty()) {
      return;
    }
    if (field.minLength() != null && text.length() < field.minLength()) {
      throw new ContractViolation(field.key(), "Trường " + field.display() + " cần ít nhất " + field.minLength() + " ký tự");
    }
    if (field.maxLength() != null && text.length() > field.maxLength()) {
      throw new ContractViolation(field.key(), "Trường " + field.display() + " dài quá " + field.maxLength() + " ký tự");
    }
    if (field.pattern() != null && !field.pattern().matcher(text).find()) {
      throw new ContractViolation(field.key(), "Trường " + field.display() + " không đúng định dạng");
    }
    if ("email".equals(field.validationType()) && !EMAIL.matcher(text).matches()) {
      throw new ContractViolation(field.key(), "Trường " + field.display() + " không phải địa chỉ thư điện tử hợp lệ");
    }
    if ("phone".equals(field.validationType()) && !PHONE.matcher(text).matches()) {
      throw new ContractViolation(field.key(), "Trường " + field.display() + " không phải số điện thoại hợp lệ");
    }
    if (field.type().equals("datetime")) {
      Pattern format = DATETIME.getOrDefault(field.subtype() == null ? "date" : field.subtype(), DATETIME.get("date"));
      if (!format.matcher(text).matches()) {
        throw new ContractViolation(field.key(), "Trường " + field.display() + " không đúng định dạng ngày giờ");
      }
    }
  }

  private static void checkNumber(FormField field, Object value) {
    BigDecimal number;
    if (value instanceof Number n) {
      number = new BigDecimal(n.toString());
    } else if (value instanceof String s && field.serializeToString()) {
      if (s.isEmpty()) {
        return;
      }
      try {
        number = new BigDecimal(s);
      } catch (NumberFormatException e) {
        throw wrongType(field, "số");
      }
    } else {
      throw wrongType(field, "số");
    }
    if (field.min() != null && number.compareTo(field.min()) < 0) {
      throw new ContractViolation(field.key(), "Trường " + field.display() + " không được nhỏ hơn " + field.min().toPlainString());
    }
    if (field.max() != null && number.compareTo(field.max()) > 0) {
      throw new ContractViolation(field.key(), "Trường " + field.display() + " không được lớn hơn " + field.max().toPlainString());
    }
  }

  /** A static option, an option of the variable named by {@code valuesKey}, or of {@code valuesExpression}. */
  private static boolean allowed(FormField field, String value, Map<String, Object> context) {
    if (field.allowedValues() != null) {
      return field.allowedValues().contains(value);
    }
    Object options = field.valuesKey() != null ? context.get(field.valuesKey())
        : FeelConditions.value(field.valuesExpression(), context);
    if (options instanceof Collection<?> list) {
      for (Object option : list) {
        Object optionValue = option instanceof Map<?, ?> map ? map.get("value") : option;
        if (optionValue != null && value.equals(optionValue.toString())) {
          return true;
        }
      }
    }
    return false;
  }

  /**
   * Which fields are hidden when the form holds {@code context}: every hide condition of the form
   * is evaluated once, all of them together ({@link FeelConditions#holdAll}).
   */
  private java.util.function.Predicate<FormField> hiddenWith(Map<String, Object> context) {
    Map<String, Boolean> holds = FeelConditions.holdAll(hideConditions, context);
    return field -> field.hideConditions().stream().anyMatch(holds::get);
  }

  static boolean empty(Object value) {
    return value == null || (value instanceof String s && s.isEmpty())
        || (value instanceof Collection<?> c && c.isEmpty());
  }

  /** Unchanged: both empty, equal numbers, or the same text (a typed current value compared by its text). */
  static boolean sameValue(Object submitted, Object current) {
    if (empty(submitted) || empty(current)) {
      return empty(submitted) && empty(current);
    }
    if (submitted instanceof Number a && current instanceof Number b) {
      return new BigDecimal(a.toString()).compareTo(new BigDecimal(b.toString())) == 0;
    }
    if (current instanceof Date) {
      return false; // a read-only date is never sent back by our forms; refuse rather than guess its format
    }
    return submitted.equals(current) || (submitted instanceof String s && !(current instanceof Collection<?>)
        && !(current instanceof Map<?, ?>) && s.equals(current.toString()));
  }

  private static ContractViolation wrongType(FormField field, String expected) {
    return new ContractViolation(field.key(), "Trường " + field.display() + " cần giá trị kiểu " + expected);
  }

  private static ContractViolation notAllowed(FormField field, Object value) {
    return new ContractViolation(field.key(), "Giá trị đã gửi không có trong các lựa chọn của trường " + field.display());
  }

  // ------------------------------------------------------------------ parsing

  private static void collect(JsonNode components, List<String> hideAround, boolean readonlyAround,
      Map<String, FormField> fields, Set<String> notEditable) {
    for (JsonNode component : components) {
      String type = component.path("type").asText("");
      List<String> hide = new ArrayList<>(hideAround);
      if (component.path("conditional").hasNonNull("hide")) {
        hide.add(component.path("conditional").path("hide").asText());
      }
      boolean readonly = readonlyAround || flag(component, "readonly") || flag(component, "disabled");
      String key = component.path("key").asText(null);
      if (component.has("components")) {
        if (component.hasNonNull("path") || type.equals("dynamiclist")) {
          // values nested under a path (groups with a path, dynamic lists): not supported, so never editable
          notEditable.add(component.path("path").asText(key));
          continue;
        }
        collect(component.path("components"), hide, readonly, fields, notEditable);
        continue;
      }
      if (key == null || key.isBlank()) {
        continue;
      }
      if (!FormField.INPUT_TYPES.contains(type) || key.contains(".") || key.contains("[")) {
        notEditable.add(key.split("[.\\[]")[0]);
        continue;
      }
      fields.put(key, field(component, key, type, !readonly, hide));
    }
  }

  private static FormField field(JsonNode c, String key, String type, boolean editable, List<String> hide) {
    JsonNode validate = c.path("validate");
    Set<String> allowed = null;
    Map<String, String> labels = new LinkedHashMap<>();
    if (c.has("values") && c.path("values").isArray()) {
      allowed = new LinkedHashSet<>();
      for (JsonNode option : c.path("values")) {
        allowed.add(option.path("value").asText());
        labels.put(option.path("value").asText(), option.path("label").asText(option.path("value").asText()));
      }
    } else if (!c.hasNonNull("valuesKey") && !c.hasNonNull("valuesExpression")) {
      allowed = Set.of();
    }
    return new FormField(key, c.path("label").asText(null), type, editable, List.copyOf(hide),
        validate.path("required").asBoolean(false),
        integer(validate, "minLength"), integer(validate, "maxLength"), pattern(validate, key),
        decimal(validate, "min"), decimal(validate, "max"), validate.path("validationType").asText(null),
        allowed, c.path("valuesKey").asText(null), c.path("valuesExpression").asText(null),
        c.path("serializeToString").asBoolean(false), c.path("subtype").asText(null), Map.copyOf(labels));
  }

  private static boolean flag(JsonNode component, String name) {
    // a FEEL-driven readonly/disabled ("=…") is read as true: the server never lets such a field be edited
    JsonNode value = component.path(name);
    return value.isBoolean() ? value.asBoolean() : value.isTextual() && !value.asText().equals("false");
  }

  private static Integer integer(JsonNode validate, String name) {
    return validate.hasNonNull(name) && validate.path(name).canConvertToInt() ? validate.path(name).asInt() : null;
  }

  private static BigDecimal decimal(JsonNode validate, String name) {
    return validate.hasNonNull(name) && validate.path(name).isNumber() ? validate.path(name).decimalValue() : null;
  }

  private static Pattern pattern(JsonNode validate, String key) {
    if (!validate.hasNonNull("pattern")) {
      return null;
    }
    try {
      return Pattern.compile(validate.path("pattern").asText());
    } catch (PatternSyntaxException e) {
      throw new IllegalArgumentException("Form field '" + key + "' has an invalid pattern", e);
    }
  }
}
