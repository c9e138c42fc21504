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
 *
 * <p>The engine builds its whole set of built-in functions again for every evaluation, which made
 * one evaluation per condition the larger part of checking a form. {@link #holdAll} evaluates a
 * form's conditions as one FEEL list and falls back to one evaluation each only when that fails.
 */
final class FeelConditions {

  private static final FeelEngineApi FEEL = FeelEngineBuilder.forJava().build();
  private static final Map<String, ParsedExpression> PARSED = new ConcurrentHashMap<>();
  /** Evaluations made so far, for the tests (a form's conditions take one). */
  static final java.util.concurrent.atomic.LongAdder EVALUATIONS = new java.util.concurrent.atomic.LongAdder();

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
    EvaluationResult result = evaluate(parsed, variables);
    return result.isSuccess() && Boolean.TRUE.equals(result.result());
  }

  /**
   * Whether each of {@code expressions} holds on {@code variables}, as {@link #holds} answers it,
   * in one evaluation of the FEEL list of all of them (a failing list, which is an expression that
   * fails to evaluate, is answered one by one).
   */
  static Map<String, Boolean> holdAll(java.util.Collection<String> expressions, Map<String, Object> variables) {
    Map<String, Boolean> answers = new java.util.HashMap<>();
    java.util.List<String> feel = new java.util.ArrayList<>();
    for (String expression : expressions) {
      String stripped = expression == null ? "" : expression.strip();
      if (!stripped.startsWith("=") || PARSED.computeIfAbsent(stripped.substring(1), FeelConditions::parse) == null) {
        answers.put(expression, holds(expression, variables));
      } else {
        feel.add(expression);
      }
    }
    if (feel.size() == 1) {
      answers.put(feel.get(0), holds(feel.get(0), variables));
    } else if (!feel.isEmpty()) {
      String list = feel.stream().map(e -> "(" + e.strip().substring(1) + ")")
          .collect(java.util.stream.Collectors.joining(",\n", "[", "]"));
      ParsedExpression parsed = PARSED.computeIfAbsent(list, FeelConditions::parse);
      EvaluationResult result = parsed == null ? null : evaluate(parsed, variables);
      if (result != null && result.isSuccess() && result.result() instanceof java.util.List<?> values
          && values.size() == feel.size()) {
        for (int i = 0; i < feel.size(); i++) {
          answers.put(feel.get(i), Boolean.TRUE.equals(values.get(i)));
        }
      } else {
        feel.forEach(e -> answers.put(e, holds(e, variables)));
      }
    }
    return answers;
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
    EvaluationResult result = evaluate(parsed, variables);
    return result.isSuccess() ? result.result() : null;
  }

  private static EvaluationResult evaluate(ParsedExpression parsed, Map<String, Object> variables) {
    EVALUATIONS.increment();
    return FEEL.evaluate(parsed, variables);
  }

  private static ParsedExpression parse(String feel) {
    ParseResult parsed = FEEL.parseExpression(feel);
    return parsed.isSuccess() ? parsed.parsedExpression() : null;
  }
}
