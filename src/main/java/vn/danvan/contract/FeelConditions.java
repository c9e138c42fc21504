package vn.danvan.contract;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.camunda.feel.api.EvaluationResult;
import org.camunda.feel.api.FeelEngineApi;
import org.camunda.feel.api.FeelEngineBuilder;
import org.camunda.feel.api.ParseResult;
import org.camunda.feel.syntaxtree.ParsedExpression;

/**
 * Evaluates a form's {@code conditional.hide} expressions on the server with the FEEL engine that
 * ships with Camunda 7 (feel-scala, through its public Java API {@link FeelEngineBuilder}), so that
 * the server decides which fields are hidden exactly as form-js does in the browser. External Java
 * functions stay off (the builder's default): a form cannot call Java. Parsed expressions are cached.
 */
final class FeelConditions {

  private static final FeelEngineApi FEEL = FeelEngineBuilder.forJava().build();
  private static final Map<String, ParsedExpression> PARSED = new ConcurrentHashMap<>();

  private FeelConditions() {}

  /**
   * Whether {@code expression} ({@code =…} as form-js writes it, or a literal {@code true}) holds on
   * {@code variables}. An expression that does not parse or evaluate counts as false: the field is
   * then treated as shown, so its own rules (required, pattern) apply — the stricter reading.
   */
  static boolean holds(String expression, Map<String, Object> variables) {
    if (expression == null || expression.isBlank()) {
      return false;
    }
    String feel = expression.strip();
    if (!feel.startsWith("=")) {
      return Boolean.parseBoolean(feel);
    }
    ParsedExpression parsed = PARSED.computeIfAbsent(feel.substring(1), FeelConditions::parse);
    if (parsed == null) {
      return false;
    }
    EvaluationResult result = FEEL.evaluate(parsed, variables);
    return result.isSuccess() && Boolean.TRUE.equals(result.result());
  }

  /** The value of a {@code =…} expression on {@code variables} (options of a select), or null. */
  static Object value(String expression, Map<String, Object> variables) {
    if (expression == null || !expression.strip().startsWith("=")) {
      return null;
    }
    ParsedExpression parsed = PARSED.computeIfAbsent(expression.strip().substring(1), FeelConditions::parse);
    if (parsed == null) {
      return null;
    }
    EvaluationResult result = FEEL.evaluate(parsed, variables);
    return result.isSuccess() ? result.result() : null;
  }

  private static ParsedExpression parse(String feel) {
    ParseResult parsed = FEEL.parseExpression(feel);
    return parsed.isSuccess() ? parsed.parsedExpression() : null;
  }
}
