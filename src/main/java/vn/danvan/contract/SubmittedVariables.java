package vn.danvan.contract;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Variables as Camunda's REST API receives them ({@code {"name": {"value": …, "type": …}}}), read
 * into the Java values a form component produces, so that {@link FormContract} checks what the
 * engine is about to store. Types no form produces (Object, File, Bytes, serialized Java) are
 * refused here, naming the variable.
 */
final class SubmittedVariables {

  private static final ObjectMapper JSON = new ObjectMapper();

  private SubmittedVariables() {}

  /** The variables of a {@code {"name": {value, type}}} object; empty for a missing or null node. */
  static Map<String, Object> of(JsonNode variables) {
    Map<String, Object> values = new LinkedHashMap<>();
    if (variables == null || variables.isNull() || variables.isMissingNode()) {
      return values;
    }
    if (!variables.isObject()) {
      throw new ContractViolation(null, "'variables' must be a JSON object");
    }
    for (Iterator<Map.Entry<String, JsonNode>> it = variables.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> entry = it.next();
      values.put(entry.getKey(), value(entry.getKey(), entry.getValue()));
    }
    return values;
  }

  /** One variable's value from its {@code {value, type, valueInfo}} object. */
  static Object value(String name, JsonNode dto) {
    if (dto == null || !dto.isObject()) {
      throw new ContractViolation(name, "Variable '" + name + "' must be an object with a value");
    }
    JsonNode value = dto.path("value");
    String type = dto.path("type").isTextual() ? dto.path("type").asText().toLowerCase(Locale.ROOT) : "";
    if (value.isMissingNode() || value.isNull()) {
      if (!type.isEmpty() && !SCALARS.contains(type)) {
        throw unsupported(name, type);
      }
      return null;
    }
    return switch (type) {
      case "" -> natural(value);
      case "string", "date" -> value.isValueNode() ? value.asText() : unsupported(name, type);
      case "boolean" -> value.isBoolean() ? value.asBoolean()
          : value.isTextual() && (value.asText().equals("true") || value.asText().equals("false"))
              ? Boolean.valueOf(value.asText()) : value.asText();
      case "integer", "long", "short", "double" -> value.isNumber() ? value.numberValue() : number(value.asText());
      case "json" -> value.isTextual() ? parse(name, value.asText()) : natural(value);
      default -> throw unsupported(name, type);
    };
  }

  private static final java.util.Set<String> SCALARS = java.util.Set.of("string", "date", "boolean", "integer",
      "long", "short", "double", "json", "null");

  private static Object natural(JsonNode value) {
    if (value.isTextual()) {
      return value.asText();
    }
    if (value.isBoolean()) {
      return value.asBoolean();
    }
    if (value.isNumber()) {
      return value.numberValue();
    }
    return JSON.convertValue(value, Object.class);
  }

  /** A numeric text stays text, so that a number component refuses it unless it serializes to text. */
  private static Object number(String text) {
    try {
      return new java.math.BigDecimal(text);
    } catch (NumberFormatException e) {
      return text;
    }
  }

  private static Object parse(String name, String json) {
    try {
      return JSON.readValue(json, Object.class);
    } catch (IOException e) {
      throw new ContractViolation(name, "Variable '" + name + "' is not valid JSON");
    }
  }

  private static ContractViolation unsupported(String name, String type) {
    return new ContractViolation(name, "Variable '" + name + "' of type " + type + " is not produced by any form field");
  }
}
