package vn.danvan.deployment;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Attr;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;
import org.xml.sax.SAXException;

/**
 * Reviews one deployment resource against the deployment rules and lists what breaks them. It walks
 * the whole XML generically, every attribute and every text of every element, instead of a list of
 * attributes known to hold expressions, so that an attribute added by a future engine version or an
 * extension namespace is checked too. The rules:
 *
 * <ul>
 *   <li>only BPMN ({@code .bpmn}), DMN ({@code .dmn}) and Camunda Forms ({@code .form}) resources;
 *       HTML, JavaScript, scripts or anything else would run in officials' browsers or in the engine;
 *   <li>BPMN: no script tasks, no {@code script} elements (script listeners, camunda:script), no
 *       {@code resource}, {@code scriptFormat} or {@code language} attributes, classes
 *       ({@code class}, {@code variableMappingClass}) only from {@code vn.danvan.}, form keys only
 *       {@code camunda-forms:…} (no {@code embedded:} or {@code app:} forms), every
 *       {@code ${…}}/{@code #{…}} on the {@link ExpressionAllowList}; documentation and text
 *       annotations are not evaluated and not checked;
 *   <li>DMN: every expression language is FEEL (the engine's default for every DMN expression, see
 *       the guard documentation), so no JUEL, no script;
 *   <li>XML with a document type declaration is refused (entities could hide what is evaluated).
 * </ul>
 */
final class ModelReview {

  /** One broken rule: the resource, the element (nearest id) and the attribute or text it concerns. */
  record Finding(String resource, String elementId, String attribute, String reason) {
    String message() {
      return "resource '" + resource + "', element '" + elementId + "', attribute '" + attribute + "': " + reason;
    }
  }

  /** FEEL, as {@code expressionLanguage="feel"} or one of the FEEL namespaces of DMN 1.1 to 1.5. */
  static final Set<String> FEEL = Set.of("feel",
      "http://www.omg.org/spec/feel/20140401",
      "http://www.omg.org/spec/dmn/20180521/feel/",
      "https://www.omg.org/spec/dmn/20191111/feel/",
      "https://www.omg.org/spec/dmn/20211108/feel/",
      "https://www.omg.org/spec/dmn/20230324/feel/");

  /** BPMN's own default value of {@code definitions/@expressionLanguage}, ignored by the engine. */
  private static final String BPMN_DEFAULT_EXPRESSION_LANGUAGE = "http://www.w3.org/1999/XPath";

  private static final Pattern PROJECT_CLASS = Pattern.compile("vn\\.danvan(\\.[A-Za-z_$][A-Za-z0-9_$]*)+");

  /** Elements whose content the engine never evaluates. */
  private static final Set<String> NOT_EVALUATED = Set.of("documentation", "textAnnotation", "BPMNDiagram");

  private static final ObjectMapper JSON = new ObjectMapper();

  private final ExpressionAllowList allowList;

  ModelReview(ExpressionAllowList allowList) {
    this.allowList = allowList;
  }

  List<Finding> review(String resource, byte[] content) {
    String name = resource.toLowerCase(Locale.ROOT);
    List<Finding> findings = new ArrayList<>();
    if (name.endsWith(".bpmn") || name.endsWith(".bpmn20.xml")) {
      Element root = parse(resource, content, findings);
      if (root != null) {
        walkBpmn(resource, root, "-", findings);
      }
    } else if (name.endsWith(".dmn") || name.endsWith(".dmn11.xml")) {
      Element root = parse(resource, content, findings);
      if (root != null) {
        walkDmn(resource, root, "-", findings);
      }
    } else if (name.endsWith(".form")) {
      reviewForm(resource, content, findings);
    } else {
      findings.add(new Finding(resource, "-", "-",
          "only BPMN (.bpmn), DMN (.dmn) and Camunda Forms (.form) may be deployed"));
    }
    return findings;
  }

  private void walkBpmn(String resource, Element element, String parentId, List<Finding> findings) {
    String local = localName(element);
    if (NOT_EVALUATED.contains(local)) {
      return;
    }
    String id = element.hasAttribute("id") ? element.getAttribute("id") : parentId;
    if (local.equals("scriptTask")) {
      findings.add(new Finding(resource, id, element.getTagName(), "script tasks are not allowed"));
    } else if (local.equals("script")) {
      findings.add(new Finding(resource, id, element.getTagName(), "scripts (script listeners, camunda:script) are not allowed"));
    }
    NamedNodeMap attributes = element.getAttributes();
    for (int i = 0; i < attributes.getLength(); i++) {
      Attr attribute = (Attr) attributes.item(i);
      if (XMLConstants.XMLNS_ATTRIBUTE_NS_URI.equals(attribute.getNamespaceURI())) {
        continue;
      }
      String reason = bpmnAttributeRule(localName(attribute), local, attribute.getValue());
      if (reason != null) {
        findings.add(new Finding(resource, id, attribute.getName(), reason));
      }
    }
    String text = ownText(element);
    if (ExpressionAllowList.holdsExpression(text)) {
      checkExpression(resource, id, element.getTagName(), text, findings);
    }
    for (Node child = element.getFirstChild(); child != null; child = child.getNextSibling()) {
      if (child instanceof Element childElement) {
        walkBpmn(resource, childElement, id, findings);
      }
    }
  }

  /** The reason an attribute breaks a rule, or null. */
  private String bpmnAttributeRule(String attribute, String element, String value) {
    switch (attribute) {
      case "class", "variableMappingClass" -> {
        if (!PROJECT_CLASS.matcher(value.trim()).matches()) {
          return "classes outside the project's package vn.danvan. are not allowed";
        }
      }
      case "resource" -> {
        return "external script resources are not allowed";
      }
      case "scriptFormat" -> {
        return "scripts are not allowed";
      }
      case "language" -> {
        if (!value.isBlank()) {
          return "expression language '" + value + "' is not allowed; use the default expression language";
        }
      }
      case "expressionLanguage" -> {
        if (!element.equals("definitions") || !value.trim().equals(BPMN_DEFAULT_EXPRESSION_LANGUAGE)) {
          return "expression language '" + value + "' is not allowed; use the default expression language";
        }
      }
      case "formKey" -> {
        if (!value.trim().startsWith("camunda-forms:")) {
          return "only Camunda Forms may be used (camunda:formRef); embedded, app and other form keys are not allowed";
        }
      }
      default -> { }
    }
    return ExpressionAllowList.holdsExpression(value) ? expressionRule(value) : null;
  }

  private String expressionRule(String value) {
    try {
      allowList.check(value);
      return null;
    } catch (ExpressionAllowList.NotAllowedException e) {
      return "expression not on the allow-list: " + e.getMessage();
    }
  }

  private void checkExpression(String resource, String id, String where, String text, List<Finding> findings) {
    String reason = expressionRule(text);
    if (reason != null) {
      findings.add(new Finding(resource, id, where, reason));
    }
  }

  private void walkDmn(String resource, Element element, String parentId, List<Finding> findings) {
    String id = element.hasAttribute("id") ? element.getAttribute("id") : parentId;
    String language = element.getAttribute("expressionLanguage");
    if (!language.isEmpty() && !FEEL.contains(language.trim().toLowerCase(Locale.ROOT))) {
      findings.add(new Finding(resource, id, "expressionLanguage",
          "decision expressions must be FEEL; '" + language + "' is not allowed"));
    }
    for (Node child = element.getFirstChild(); child != null; child = child.getNextSibling()) {
      if (child instanceof Element childElement) {
        walkDmn(resource, childElement, id, findings);
      }
    }
  }

  private void reviewForm(String resource, byte[] content, List<Finding> findings) {
    try {
      JsonNode form = JSON.readTree(content);
      if (form == null || !form.isObject() || !form.path("components").isArray()) {
        findings.add(new Finding(resource, "-", "-", "not a Camunda Form (a JSON object with components)"));
      }
    } catch (IOException e) {
      findings.add(new Finding(resource, "-", "-", "not a Camunda Form (not JSON)"));
    }
  }

  private static Element parse(String resource, byte[] content, List<Finding> findings) {
    try {
      DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
      factory.setNamespaceAware(true);
      factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
      factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
      factory.setXIncludeAware(false);
      factory.setExpandEntityReferences(false);
      DocumentBuilder builder = factory.newDocumentBuilder();
      builder.setErrorHandler(new org.xml.sax.helpers.DefaultHandler() {
        @Override
        public void fatalError(org.xml.sax.SAXParseException e) throws SAXException {
          throw e; // the default handler would also print it to stderr
        }
      });
      return builder.parse(new ByteArrayInputStream(content)).getDocumentElement();
    } catch (SAXException | IOException e) {
      findings.add(new Finding(resource, "-", "-", "not well-formed XML, or XML with a document type declaration"));
      return null;
    } catch (ParserConfigurationException e) {
      throw new IllegalStateException("XML parser without secure processing", e);
    }
  }

  private static String ownText(Element element) {
    StringBuilder text = new StringBuilder();
    for (Node child = element.getFirstChild(); child != null; child = child.getNextSibling()) {
      if (child.getNodeType() == Node.TEXT_NODE || child.getNodeType() == Node.CDATA_SECTION_NODE) {
        text.append(child.getNodeValue());
      }
    }
    return text.toString();
  }

  private static String localName(Node node) {
    return node.getLocalName() != null ? node.getLocalName() : node.getNodeName();
  }
}
