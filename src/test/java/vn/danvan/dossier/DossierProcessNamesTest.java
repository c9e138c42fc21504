package vn.danvan.dossier;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import vn.danvan.procedure.ProcedureDecision;

/**
 * The diagram, its forms and its code cannot drift apart silently: every variable name and every
 * decision value that {@code bpmn/dossierApproval.bpmn} (conditions, expressions, timers,
 * assignees, listeners, the initiator, input parameters naming variables), the forms (field keys,
 * option values, FEEL conditions) use must be declared in {@link DossierProcess}; the catalogue
 * decision's inputs and outputs in {@link ProcedureDecision}, and the procedures the start form
 * offers must be rows of that decision.
 */
class DossierProcessNamesTest {

  static final Path BPMN = Path.of("bpmn/dossierApproval.bpmn");
  static final Path DMN = Path.of("bpmn/procedureCatalogue.dmn");
  static final Path FORMS = Path.of("forms");
  static final String CAMUNDA = "http://camunda.org/schema/1.0/bpmn";

  /** Names an expression may use that are not variables: the engine's scope objects and functions. */
  static final Set<String> NOT_VARIABLES = Set.of("execution", "task", "currentUser", "currentUserGroups", "now",
      "dateTime", "true", "false", "null", "empty", "not", "and", "or", "eq", "ne", "lt", "gt", "le", "ge", "div", "mod");

  static final Pattern EXPRESSION = Pattern.compile("[$#]\\{([^}]*)}");
  static final Pattern LITERAL = Pattern.compile("'([^']*)'|\"([^\"]*)\"");
  /** A name that is not a member ({@code .x}), a call ({@code x(}) or a bean used as {@code bean.method}. */
  static final Pattern ROOT_NAME = Pattern.compile("(?<![.\\w])([A-Za-z_]\\w*)(?!\\w)(?!\\s*[.(])");

  @Test
  void everyNameAndValueOfTheDiagramIsDeclared() throws Exception {
    Set<String> used = diagramNames(Files.readString(BPMN));
    // what each kind of place contributes: a condition's value and variable, a listener's variable,
    // a timer, the initiator, a signing input, the notification's value variables, a message, an error
    assertThat(used).contains(DossierProcess.APPROVAL_REFUSE, DossierProcess.VAR_APPROVAL_DECISION,
        DossierProcess.VAR_APPROVED_BY, DossierProcess.VAR_APOLOGY_DUE_AT, DossierProcess.VAR_RECEIVING_OFFICER,
        DossierProcess.VAR_APOLOGY_ISSUED_BY, DossierProcess.VAR_SUPPLEMENT_DOCUMENT, DossierProcess.VAR_MISSING_ITEMS,
        DossierProcess.MESSAGE_WITHDRAWN, DossierProcess.ERROR_REFUSED, DossierProcess.STEP_APPRAISE)
        .doesNotContain("execution", "caseClock", "registerDossierDelegate", "assignee");
    assertThat(undeclared(used)).isEmpty();
  }

  @Test
  void everyKeyOptionAndConditionValueOfTheFormsIsDeclared() throws Exception {
    Set<String> names = new TreeSet<>();
    // the forms this diagram references (other processes' forms have their own backing class)
    Matcher refs = Pattern.compile("formRef=\"([^\"]+)\"").matcher(Files.readString(BPMN));
    while (refs.find()) {
      formNames(new ObjectMapper().readTree(FORMS.resolve(refs.group(1) + ".form").toFile()), names);
    }
    assertThat(names).contains(DossierProcess.VAR_CHECK_RESULT, DossierProcess.APPROVAL_REFUSE);
    assertThat(undeclared(names)).isEmpty();
  }

  @Test
  void theCatalogueDecisionUsesTheNamesOfItsBackingClassAndTheDossiersVariables() throws Exception {
    Document dmn = xml(Files.readString(DMN));
    Set<String> inputs = new TreeSet<>();
    NodeList expressions = dmn.getElementsByTagNameNS("*", "inputExpression");
    for (int i = 0; i < expressions.getLength(); i++) {
      inputs.addAll(rootNames(expressions.item(i).getTextContent()));
    }
    Set<String> outputs = new TreeSet<>();
    NodeList outputElements = dmn.getElementsByTagNameNS("*", "output");
    for (int i = 0; i < outputElements.getLength(); i++) {
      outputs.add(((Element) outputElements.item(i)).getAttribute("name"));
    }
    Set<String> decision = constants(ProcedureDecision.class);
    assertThat(inputs).isNotEmpty().isSubsetOf(decision);
    assertThat(outputs).hasSizeGreaterThan(10).isSubsetOf(decision);
    // the inputs that come from the dossier are its variables
    assertThat(ProcedureDecision.IN_PROCEDURE_CODE).isEqualTo(DossierProcess.VAR_PROCEDURE_CODE);
    assertThat(ProcedureDecision.IN_VERIFICATION_NEEDED).isEqualTo(DossierProcess.VAR_VERIFICATION_NEEDED);
  }

  @Test
  void theStartFormOffersExactlyTheProceduresOfTheCatalogue() throws Exception {
    Set<String> codes = new TreeSet<>();
    Matcher rows = Pattern.compile("_Code\"><text>&quot;([A-Z_]+)&quot;").matcher(Files.readString(DMN));
    while (rows.find()) {
      codes.add(rows.group(1));
    }
    assertThat(codes).isNotEmpty();
    // the option labels, each procedure's own section and its result template: ReceiveDossierFormTest
    assertThat(ProcedureFiles.shipped().offeredProcedures().keySet()).isEqualTo(codes);
  }

  @Test
  void aProcedureSectionsFieldsAreItsDataNotNamesOfTheDiagram() throws Exception {
    Set<String> names = new TreeSet<>();
    formNames(new ObjectMapper().readTree(FORMS.resolve("receive-dossier.form").toFile()), names);
    assertThat(names).contains(DossierProcess.VAR_PHONE).doesNotContain("childName", "copyCount", "FEMALE");
  }

  @Test
  void aConditionWithAnUndeclaredDecisionValueOrVariableIsFound() throws Exception {
    String drifted = Files.readString(BPMN)
        .replace("${approvalDecision == 'REFUSE'}", "${approvalDecision == 'REJECT'}")
        .replace("${supplementDueAt}", "${supplementDeadlineAt}")
        .replace(">apologyDocumentId<", ">apologyLetterId<");
    assertThat(undeclared(diagramNames(drifted))).containsExactlyInAnyOrder("REJECT", "supplementDeadlineAt",
        "apologyLetterId");
  }

  // ------------------------------------------------------------------ reading the files

  /** Variable names and values the diagram uses. */
  static Set<String> diagramNames(String bpmn) throws Exception {
    Document document = xml(bpmn);
    Set<String> names = new TreeSet<>();
    NodeList all = document.getElementsByTagNameNS("*", "*");
    for (int i = 0; i < all.getLength(); i++) {
      Element element = (Element) all.item(i);
      for (int a = 0; a < element.getAttributes().getLength(); a++) {
        Node attribute = element.getAttributes().item(a);
        // a delegate expression names a bean, not a variable
        if (!"delegateExpression".equals(attribute.getLocalName())) {
          expressionNames(attribute.getNodeValue(), names);
        }
      }
      // expressions stand in leaf elements (conditions, timers, input parameters)
      String text = element.getElementsByTagNameNS("*", "*").getLength() == 0 ? element.getTextContent() : "";
      expressionNames(text, names);
      String local = element.getLocalName();
      if ("startEvent".equals(local)) {
        names.add(element.getAttributeNS(CAMUNDA, "initiator"));
      }
      if ("message".equals(local)) {
        names.add(element.getAttribute("name"));
      }
      if ("error".equals(local)) {
        names.add(element.getAttribute("errorCode"));
      }
      if ("inputParameter".equals(local)) {
        String name = element.getAttribute("name");
        if (name.endsWith("Variable")) {
          names.add(text.strip());
        } else if (name.endsWith("Variables")) {
          // placeholder=variable pairs of the notification step
          for (String pair : text.split(",")) {
            names.add(pair.substring(pair.indexOf('=') + 1).strip());
          }
        }
      }
    }
    names.remove("");
    return names;
  }

  private static void formNames(JsonNode node, Set<String> names) {
    if (procedureSection(node)) {
      // a procedure's own data (its section of the start form): named by the form and its result
      // template, checked by ReceiveDossierFormTest, not decision values of the diagram
      return;
    }
    if (node.isObject()) {
      if (node.has("key")) {
        names.add(node.get("key").asText());
      }
      String key = node.path("key").asText();
      // procedures are the catalogue's rows, ratings are numbers: data, not decision values
      if (node.has("values") && !DossierProcess.VAR_PROCEDURE_CODE.equals(key)
          && !DossierProcess.VAR_SATISFACTION.equals(key)) {
        node.get("values").forEach(v -> names.add(v.get("value").asText()));
      }
      JsonNode hide = node.path("conditional").path("hide");
      if (hide.isTextual()) {
        String feel = hide.asText().replaceFirst("^=", "");
        names.addAll(literals(feel));
        names.addAll(rootNames(feel));
      }
    }
    node.forEach(child -> formNames(child, names));
  }

  /** A group of the start form shown only for some procedures: {@code conditional.hide} tests {@code procedureCode}. */
  static boolean procedureSection(JsonNode node) {
    JsonNode hide = node.path("conditional").path("hide");
    return "group".equals(node.path("type").asText()) && hide.isTextual()
        && rootNames(hide.asText().replaceFirst("^=", "")).equals(Set.of(DossierProcess.VAR_PROCEDURE_CODE));
  }

  private static void expressionNames(String text, Set<String> names) {
    if (text == null) {
      return;
    }
    Matcher expression = EXPRESSION.matcher(text);
    while (expression.find()) {
      names.addAll(literals(expression.group(1)));
      names.addAll(rootNames(expression.group(1)));
    }
  }

  static Set<String> literals(String expression) {
    Set<String> found = new TreeSet<>();
    Matcher literal = LITERAL.matcher(expression);
    while (literal.find()) {
      found.add(literal.group(1) != null ? literal.group(1) : literal.group(2));
    }
    return found;
  }

  /** Names standing alone in an expression (variables), literals removed first. */
  static Set<String> rootNames(String expression) {
    String code = LITERAL.matcher(expression).replaceAll("''");
    Set<String> found = new TreeSet<>();
    Matcher name = ROOT_NAME.matcher(code);
    while (name.find()) {
      if (!NOT_VARIABLES.contains(name.group(1))) {
        found.add(name.group(1));
      }
    }
    return found;
  }

  private static Set<String> undeclared(Set<String> used) throws Exception {
    Set<String> missing = new TreeSet<>(used);
    missing.removeAll(constants(DossierProcess.class));
    return missing;
  }

  private static Set<String> constants(Class<?> type) throws IllegalAccessException {
    Set<String> values = new TreeSet<>();
    for (Field field : type.getDeclaredFields()) {
      if (Modifier.isStatic(field.getModifiers()) && field.getType() == String.class) {
        field.setAccessible(true);
        values.add((String) field.get(null));
      }
    }
    return values;
  }

  private static Document xml(String text) throws Exception {
    DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
    factory.setNamespaceAware(true);
    factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
    return factory.newDocumentBuilder().parse(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
  }
}
