package vn.danvan.deployment;

import java.util.Set;
import java.util.function.Predicate;

/**
 * Decides whether a text the engine evaluates (an attribute value or element text holding
 * {@code ${…}} or {@code #{…}}) stays inside the expression allow-list. It is a small parser of its
 * own for the subset of JUEL that process models need, so that whatever it cannot parse is refused
 * rather than guessed at:
 *
 * <ul>
 *   <li>literals (strings, numbers, {@code true}, {@code false}, {@code null}), parentheses, the
 *       operators of EL ({@code + - * / % div mod == != < > <= >= eq ne lt gt le ge && || and or ! not
 *       empty}) and the ternary {@code a ? b : c};
 *   <li>process variables and property access on them ({@code dossier.unitCode}, {@code map['key']}
 *       with a literal key), except reflective names ({@link ScopeMembers#REFLECTIVE});
 *   <li>the functions {@code now()}, {@code dateTime()}, {@code currentUser()},
 *       {@code currentUserGroups()}, and non-reflective members of their results
 *       ({@code dateTime().plusDays(3).toDate()});
 *   <li>the allow-listed members of {@code execution} and {@code task} ({@link ScopeMembers});
 *   <li>exposed beans ({@link ExposedBeans}) as values and their non-reflective methods and properties.
 * </ul>
 *
 * Refused, among others: method calls on variables or literals ({@code ''.getClass()}), Spring
 * beans that are not exposed ({@code identityService}, {@code jdbcTemplate}), other functions,
 * computed index keys, {@code externalTask} and {@code caseExecution}.
 */
final class ExpressionAllowList {

  static final Set<String> FUNCTIONS = Set.of("now", "dateTime", "currentUser", "currentUserGroups");

  /** Objects the engine puts into every expression besides execution and task; not for models. */
  private static final Set<String> ENGINE_OBJECTS = Set.of("externalTask", "caseExecution", "variableScope");

  private final Set<String> exposedBeans;
  private final Predicate<String> isOtherBean;

  /**
   * @param exposedBeans names of the beans models may use
   * @param isOtherBean whether a name is a bean of the application that is not exposed (named in the
   *     refusal, instead of letting it pass as a process variable that happens to share its name)
   */
  ExpressionAllowList(Set<String> exposedBeans, Predicate<String> isOtherBean) {
    this.exposedBeans = Set.copyOf(exposedBeans);
    this.isOtherBean = isOtherBean;
  }

  /** Whether the text holds anything the engine evaluates as an expression. */
  static boolean holdsExpression(String text) {
    return text != null && (text.contains("${") || text.contains("#{"));
  }

  /**
   * Checks every {@code ${…}} and {@code #{…}} of a text.
   *
   * @throws NotAllowedException naming what is not allowed
   */
  void check(String text) {
    int i = 0;
    while (i < text.length()) {
      int start = nextStart(text, i);
      if (start < 0) {
        return;
      }
      Parser parser = new Parser(text, start + 2);
      parser.expression();
      parser.skipSpace();
      if (!parser.at('}')) {
        throw parser.refuse("expected '}'");
      }
      i = parser.pos + 1;
    }
  }

  private static int nextStart(String text, int from) {
    int dollar = text.indexOf("${", from);
    int hash = text.indexOf("#{", from);
    if (dollar < 0) {
      return hash;
    }
    return hash < 0 ? dollar : Math.min(dollar, hash);
  }

  /** What a sub-expression stands for; decides which members may follow it. */
  private enum Kind {
    /** An exposed bean: its methods and properties may be used. */
    BEAN,
    EXECUTION,
    TASK,
    /** Data: a variable, a property of data, the answer of a bean method. Properties only. */
    DATA,
    /** The answer of now() or dateTime() (or of its methods): dates, whose methods may be called. */
    DATE,
    /** A literal or a computed value: nothing may follow it. */
    VALUE
  }

  /** Recursive-descent parser of the allowed subset; checks while it parses. */
  private final class Parser {
    private final String text;
    private int pos;

    Parser(String text, int pos) {
      this.text = text;
      this.pos = pos;
    }

    Kind expression() {
      Kind condition = or();
      skipSpace();
      if (at('?')) {
        pos++;
        expression();
        skipSpace();
        if (!at(':')) {
          throw refuse("expected ':' of the conditional");
        }
        pos++;
        expression();
        return Kind.VALUE;
      }
      return condition;
    }

    private Kind or() {
      Kind kind = and();
      while (operator("||") || keyword("or")) {
        and();
        kind = Kind.VALUE;
      }
      return kind;
    }

    private Kind and() {
      Kind kind = equality();
      while (operator("&&") || keyword("and")) {
        equality();
        kind = Kind.VALUE;
      }
      return kind;
    }

    private Kind equality() {
      Kind kind = relation();
      while (operator("==") || operator("!=") || keyword("eq") || keyword("ne")) {
        relation();
        kind = Kind.VALUE;
      }
      return kind;
    }

    private Kind relation() {
      Kind kind = additive();
      while (operator("<=") || operator(">=") || operator("<") || operator(">")
          || keyword("lt") || keyword("gt") || keyword("le") || keyword("ge")) {
        additive();
        kind = Kind.VALUE;
      }
      return kind;
    }

    private Kind additive() {
      Kind kind = multiplicative();
      while (operator("+") || operator("-")) {
        multiplicative();
        kind = Kind.VALUE;
      }
      return kind;
    }

    private Kind multiplicative() {
      Kind kind = unary();
      while (operator("*") || operator("/") || operator("%") || keyword("div") || keyword("mod")) {
        unary();
        kind = Kind.VALUE;
      }
      return kind;
    }

    private Kind unary() {
      skipSpace();
      // "!=" is not a negation; operator("!") alone would take its first character.
      if ((at('!') && !text.startsWith("!=", pos)) || at('-')) {
        pos++;
        unary();
        return Kind.VALUE;
      }
      if (keyword("not") || keyword("empty")) {
        unary();
        return Kind.VALUE;
      }
      return value();
    }

    private Kind value() {
      Kind kind = primary();
      while (true) {
        skipSpace();
        if (at('.')) {
          pos++;
          skipSpace();
          String name = identifier();
          if (name == null) {
            throw refuse("expected a name after '.'");
          }
          skipSpace();
          if (at('(')) {
            kind = method(kind, name);
          } else {
            kind = property(kind, name);
          }
        } else if (at('[')) {
          pos++;
          skipSpace();
          String key = literalKey();
          skipSpace();
          if (!at(']')) {
            throw refuse("only a literal key is allowed between [ and ]");
          }
          pos++;
          kind = property(kind, key);
        } else {
          return kind;
        }
      }
    }

    private Kind property(Kind base, String name) {
      if (ScopeMembers.REFLECTIVE.contains(name)) {
        throw refuse("'" + name + "' is a reflective name");
      }
      return switch (base) {
        case EXECUTION -> member(ScopeMembers.EXECUTION_PROPERTIES, "execution", name);
        case TASK -> member(ScopeMembers.TASK_PROPERTIES, "task", name);
        case BEAN, DATA, DATE -> Kind.DATA;
        case VALUE -> throw refuse("a property of a literal or computed value ('" + name + "')");
      };
    }

    private Kind method(Kind base, String name) {
      if (ScopeMembers.REFLECTIVE.contains(name)) {
        throw refuse("'" + name + "' is a reflective name");
      }
      Kind result = switch (base) {
        case EXECUTION -> member(ScopeMembers.EXECUTION_METHODS, "execution", name);
        case TASK -> member(ScopeMembers.TASK_METHODS, "task", name);
        case BEAN -> Kind.DATA;
        case DATE -> Kind.DATE;
        case DATA, VALUE -> throw refuse("method '" + name + "' called on a variable or value; "
            + "only exposed beans, execution, task and date functions have callable methods");
      };
      arguments();
      return result;
    }

    private Kind member(Set<String> allowed, String scope, String name) {
      if (!allowed.contains(name)) {
        throw refuse("'" + scope + "." + name + "' is not on the allow-list of " + scope + " members");
      }
      return Kind.DATA;
    }

    private void arguments() {
      pos++; // '('
      skipSpace();
      if (at(')')) {
        pos++;
        return;
      }
      while (true) {
        expression();
        skipSpace();
        if (at(')')) {
          pos++;
          return;
        }
        if (!at(',')) {
          throw refuse("expected ',' or ')' in the arguments");
        }
        pos++;
      }
    }

    private Kind primary() {
      skipSpace();
      if (pos >= text.length()) {
        throw refuse("unexpected end");
      }
      char c = text.charAt(pos);
      if (c == '(') {
        pos++;
        expression();
        skipSpace();
        if (!at(')')) {
          throw refuse("expected ')'");
        }
        pos++;
        return Kind.VALUE;
      }
      if (c == '\'' || c == '"') {
        string();
        return Kind.VALUE;
      }
      if (Character.isDigit(c)) {
        number();
        return Kind.VALUE;
      }
      int start = pos;
      String name = identifier();
      if (name == null) {
        throw refuse("unexpected '" + c + "'");
      }
      switch (name) {
        case "true", "false", "null" -> {
          return Kind.VALUE;
        }
        case "and", "or", "not", "eq", "ne", "lt", "gt", "le", "ge", "div", "mod", "empty", "instanceof" -> {
          pos = start;
          throw refuse("unexpected keyword '" + name + "'");
        }
        default -> { }
      }
      skipSpace();
      if (at('(')) {
        if (!FUNCTIONS.contains(name)) {
          throw refuse("function '" + name + "()' is not allowed (allowed: now, dateTime, currentUser, currentUserGroups)");
        }
        arguments();
        return name.equals("now") || name.equals("dateTime") ? Kind.DATE : Kind.DATA;
      }
      if (at(':')  && pos + 1 < text.length() && Character.isJavaIdentifierStart(text.charAt(pos + 1))) {
        throw refuse("prefixed functions ('" + name + ":…') are not allowed");
      }
      if (name.equals("execution")) {
        return Kind.EXECUTION;
      }
      if (name.equals("task")) {
        return Kind.TASK;
      }
      if (ENGINE_OBJECTS.contains(name)) {
        throw refuse("'" + name + "' is not available to models");
      }
      if (exposedBeans.contains(name)) {
        return Kind.BEAN;
      }
      if (isOtherBean.test(name)) {
        throw refuse("bean '" + name + "' is not exposed for modelling");
      }
      return Kind.DATA;
    }

    /** A key between brackets: a string or a whole number, nothing computed. */
    private String literalKey() {
      if (at('\'') || at('"')) {
        return string();
      }
      if (pos < text.length() && Character.isDigit(text.charAt(pos))) {
        int start = pos;
        while (pos < text.length() && Character.isDigit(text.charAt(pos))) {
          pos++;
        }
        return text.substring(start, pos);
      }
      throw refuse("only a literal key is allowed between [ and ]");
    }

    private String string() {
      char quote = text.charAt(pos++);
      StringBuilder value = new StringBuilder();
      while (pos < text.length()) {
        char c = text.charAt(pos++);
        if (c == '\\' && pos < text.length()) {
          value.append(text.charAt(pos++));
        } else if (c == quote) {
          return value.toString();
        } else {
          value.append(c);
        }
      }
      throw refuse("unterminated string");
    }

    private void number() {
      while (pos < text.length() && Character.isDigit(text.charAt(pos))) {
        pos++;
      }
      if (pos + 1 < text.length() && text.charAt(pos) == '.' && Character.isDigit(text.charAt(pos + 1))) {
        pos++;
        while (pos < text.length() && Character.isDigit(text.charAt(pos))) {
          pos++;
        }
      }
      if (pos < text.length() && (text.charAt(pos) == 'e' || text.charAt(pos) == 'E')) {
        pos++;
        if (at('+') || at('-')) {
          pos++;
        }
        if (pos >= text.length() || !Character.isDigit(text.charAt(pos))) {
          throw refuse("malformed number");
        }
        while (pos < text.length() && Character.isDigit(text.charAt(pos))) {
          pos++;
        }
      }
      if (pos < text.length() && Character.isJavaIdentifierPart(text.charAt(pos))) {
        throw refuse("malformed number");
      }
    }

    private String identifier() {
      if (pos >= text.length() || !Character.isJavaIdentifierStart(text.charAt(pos))) {
        return null;
      }
      int start = pos;
      while (pos < text.length() && Character.isJavaIdentifierPart(text.charAt(pos))) {
        pos++;
      }
      return text.substring(start, pos);
    }

    private boolean operator(String op) {
      skipSpace();
      if (!text.startsWith(op, pos)) {
        return false;
      }
      // '<' must not take the first character of "<=", '!' not of "!=", '=' is never alone.
      if (op.length() == 1 && pos + 1 < text.length() && text.charAt(pos + 1) == '='
          && (op.equals("<") || op.equals(">"))) {
        return false;
      }
      pos += op.length();
      return true;
    }

    private boolean keyword(String word) {
      skipSpace();
      if (!text.startsWith(word, pos)) {
        return false;
      }
      int end = pos + word.length();
      if (end < text.length() && Character.isJavaIdentifierPart(text.charAt(end))) {
        return false;
      }
      pos = end;
      return true;
    }

    boolean at(char c) {
      return pos < text.length() && text.charAt(pos) == c;
    }

    void skipSpace() {
      while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) {
        pos++;
      }
    }

    NotAllowedException refuse(String reason) {
      return new NotAllowedException(reason + " (at position " + pos + " of \"" + abbreviate(text) + "\")");
    }
  }

  private static String abbreviate(String text) {
    return text.length() <= 200 ? text : text.substring(0, 200) + "…";
  }

  /** An expression outside the allow-list; the message says what and where. */
  static final class NotAllowedException extends RuntimeException {
    NotAllowedException(String message) {
      super(message);
    }
  }
}
