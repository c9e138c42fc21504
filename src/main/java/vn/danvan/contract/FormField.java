package vn.danvan.contract;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * One keyed input of a deployed Camunda Form, with the rules form-js applies to it in the browser.
 *
 * @param hideConditions the field's own {@code conditional.hide} and those of the groups around it
 * @param allowedValues the static option values of a select, radio, checklist or taglist; null where
 *     the options come from a variable ({@link #valuesKey}) or an expression ({@link #valuesExpression})
 * @param optionLabels the label a person reads for each static option value, in the form's order
 */
record FormField(String key, String label, String type, boolean editable, List<String> hideConditions,
    boolean required, Integer minLength, Integer maxLength, Pattern pattern, BigDecimal min, BigDecimal max,
    String validationType, Set<String> allowedValues, String valuesKey, String valuesExpression,
    boolean serializeToString, String subtype, Map<String, String> optionLabels) {

  /** The component types that produce a value (form-js 1.x "keyed" inputs). */
  static final Set<String> INPUT_TYPES = Set.of("textfield", "textarea", "number", "select", "radio", "checkbox",
      "checklist", "taglist", "datetime");

  boolean hasOptions() {
    return Set.of("select", "radio", "checklist", "taglist").contains(type);
  }

  boolean multiple() {
    return type.equals("checklist") || type.equals("taglist");
  }

  /** How an official sees the field named in an answer: label and key. */
  String display() {
    return label == null || label.isBlank() ? key : "«" + label + "» (" + key + ")";
  }
}
