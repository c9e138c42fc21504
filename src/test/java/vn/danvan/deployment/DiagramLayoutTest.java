package vn.danvan.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * Every diagram of {@code bpmn/} opens cleanly in Camunda Modeler and reads well, checked on the
 * XML itself: every flow node has a shape and every sequence flow an edge with at least two
 * waypoints; no two shapes overlap (a boundary event sits on its host's border, an element inside an
 * expanded sub-process inside it); no label box covers a shape other than its own element's (or a
 * sub-process around it); and no id that code refers to is one the Modeler generated
 * ({@code Activity_0abc123}, {@code Flow_1x2y3z4}, {@code StartEvent_1}).
 */
class DiagramLayoutTest {

  static final String BPMN = "http://www.omg.org/spec/BPMN/20100524/MODEL";
  static final String BPMNDI = "http://www.omg.org/spec/BPMN/20100524/DI";
  static final String DC = "http://www.omg.org/spec/DD/20100524/DC";
  static final String DI = "http://www.omg.org/spec/DD/20100524/DI";

  static final Set<String> FLOW_NODES = Set.of("startEvent", "endEvent", "intermediateCatchEvent",
      "intermediateThrowEvent", "boundaryEvent", "task", "userTask", "serviceTask", "sendTask", "receiveTask",
      "scriptTask", "businessRuleTask", "manualTask", "callActivity", "subProcess", "transaction",
      "exclusiveGateway", "parallelGateway", "inclusiveGateway", "eventBasedGateway", "complexGateway");
  static final Set<String> CONTAINERS = Set.of("subProcess", "transaction");

  /** Ids as Camunda Modeler and other tools generate them. */
  static final Pattern GENERATED = Pattern.compile("[A-Za-z]+_[0-9][0-9a-z]{6}|[A-Za-z]+_[0-9]+|sid-.*|id_.*|_[0-9a-fA-F-]+");

  record Box(double x, double y, double w, double h) {
    boolean intersects(Box o) {
      return x < o.x + o.w && o.x < x + w && y < o.y + o.h && o.y < y + h;
    }
  }

  /** One diagram, read once per test. */
  static final class Diagram {
    final String file;
    final Map<String, String> kinds = new LinkedHashMap<>();
    final Map<String, String> attachedTo = new HashMap<>();
    /** For each element, the containers (sub-processes) it lies in. */
    final Map<String, Set<String>> ancestors = new HashMap<>();
    final Set<String> flows = new HashSet<>();
    final Map<String, Box> shapes = new LinkedHashMap<>();
    final Map<String, Box> labels = new LinkedHashMap<>();
    final Map<String, Integer> waypoints = new HashMap<>();

    Diagram(Path path) throws Exception {
      file = path.getFileName().toString();
      DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
      factory.setNamespaceAware(true);
      factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
      Element root = factory.newDocumentBuilder().parse(path.toFile()).getDocumentElement();
      NodeList processes = root.getElementsByTagNameNS(BPMN, "process");
      for (int i = 0; i < processes.getLength(); i++) {
        walk((Element) processes.item(i), Set.of());
      }
      NodeList shapeList = root.getElementsByTagNameNS(BPMNDI, "BPMNShape");
      for (int i = 0; i < shapeList.getLength(); i++) {
        Element shape = (Element) shapeList.item(i);
        String element = shape.getAttribute("bpmnElement");
        for (Node child = shape.getFirstChild(); child != null; child = child.getNextSibling()) {
          if (child instanceof Element e && "Bounds".equals(e.getLocalName())) {
            shapes.put(element, box(e));
          } else if (child instanceof Element e && "BPMNLabel".equals(e.getLocalName())) {
            labelOf(element, e);
          }
        }
      }
      NodeList edges = root.getElementsByTagNameNS(BPMNDI, "BPMNEdge");
      for (int i = 0; i < edges.getLength(); i++) {
        Element edge = (Element) edges.item(i);
        String element = edge.getAttribute("bpmnElement");
        waypoints.put(element, edge.getElementsByTagNameNS(DI, "waypoint").getLength());
        NodeList edgeLabels = edge.getElementsByTagNameNS(BPMNDI, "BPMNLabel");
        if (edgeLabels.getLength() > 0) {
          labelOf(element, (Element) edgeLabels.item(0));
        }
      }
    }

    private void labelOf(String element, Element label) {
      NodeList bounds = label.getElementsByTagNameNS(DC, "Bounds");
      if (bounds.getLength() > 0) {
        labels.put(element, box((Element) bounds.item(0)));
      }
    }

    private void walk(Element scope, Set<String> containers) {
      for (Node child = scope.getFirstChild(); child != null; child = child.getNextSibling()) {
        if (!(child instanceof Element element) || !BPMN.equals(element.getNamespaceURI())) {
          continue;
        }
        String local = element.getLocalName();
        String id = element.getAttribute("id");
        if (FLOW_NODES.contains(local)) {
          kinds.put(id, local);
          ancestors.put(id, containers);
          if (element.hasAttribute("attachedToRef")) {
            attachedTo.put(id, element.getAttribute("attachedToRef"));
          }
        } else if ("sequenceFlow".equals(local)) {
          flows.add(id);
          ancestors.put(id, containers);
        }
        if (CONTAINERS.contains(local)) {
          Set<String> inner = new HashSet<>(containers);
          inner.add(id);
          walk(element, Set.copyOf(inner));
        }
      }
    }

    private static Box box(Element bounds) {
      return new Box(Double.parseDouble(bounds.getAttribute("x")), Double.parseDouble(bounds.getAttribute("y")),
          Double.parseDouble(bounds.getAttribute("width")), Double.parseDouble(bounds.getAttribute("height")));
    }

    /** Whether two shapes may overlap: a boundary event on its host, anything inside its sub-process. */
    boolean mayOverlap(String a, String b) {
      return b.equals(attachedTo.get(a)) || a.equals(attachedTo.get(b))
          || ancestors.getOrDefault(a, Set.of()).contains(b) || ancestors.getOrDefault(b, Set.of()).contains(a)
          // a boundary event of a sub-process lies on the border of the sub-process, among its children
          || (attachedTo.containsKey(a) && ancestors.getOrDefault(b, Set.of()).contains(attachedTo.get(a)))
          || (attachedTo.containsKey(b) && ancestors.getOrDefault(a, Set.of()).contains(attachedTo.get(b)));
    }
  }

  static Stream<Path> diagrams() throws IOException {
    return Files.list(Path.of("bpmn")).filter(p -> p.toString().endsWith(".bpmn")).sorted();
  }

  @ParameterizedTest
  @MethodSource("diagrams")
  void everyFlowNodeHasAShapeAndEveryFlowAnEdge(Path file) throws Exception {
    Diagram d = new Diagram(file);
    assertThat(d.kinds).isNotEmpty();
    assertThat(d.kinds.keySet()).as("%s: flow nodes without a BPMNShape", d.file).allMatch(d.shapes::containsKey);
    List<String> broken = new ArrayList<>();
    for (String flow : d.flows) {
      if (d.waypoints.getOrDefault(flow, 0) < 2) {
        broken.add(flow);
      }
    }
    assertThat(broken).as("%s: sequence flows without a BPMNEdge of two waypoints or more", d.file).isEmpty();
  }

  @ParameterizedTest
  @MethodSource("diagrams")
  void noTwoShapesOverlap(Path file) throws Exception {
    Diagram d = new Diagram(file);
    List<String> overlaps = new ArrayList<>();
    List<String> ids = new ArrayList<>(d.shapes.keySet());
    for (int i = 0; i < ids.size(); i++) {
      for (int j = i + 1; j < ids.size(); j++) {
        String a = ids.get(i);
        String b = ids.get(j);
        if (d.shapes.get(a).intersects(d.shapes.get(b)) && !d.mayOverlap(a, b)) {
          overlaps.add(a + " / " + b);
        }
      }
    }
    assertThat(overlaps).as("%s: overlapping shapes", d.file).isEmpty();
  }

  @ParameterizedTest
  @MethodSource("diagrams")
  void noLabelCoversAnotherShape(Path file) throws Exception {
    Diagram d = new Diagram(file);
    List<String> covered = new ArrayList<>();
    d.labels.forEach((owner, label) -> d.shapes.forEach((shape, box) -> {
      boolean aroundOwner = d.ancestors.getOrDefault(owner, Set.of()).contains(shape)
          // the label of a sub-process's boundary event may lie inside the sub-process's frame
          || (shape.equals(d.attachedTo.get(owner)) && CONTAINERS.contains(d.kinds.get(shape)));
      if (!shape.equals(owner) && !aroundOwner && label.intersects(box)) {
        covered.add(d.file + ": label of " + owner + " over " + shape);
      }
    }));
    assertThat(covered).as("%s: labels over shapes", d.file).isEmpty();
  }

  @ParameterizedTest
  @MethodSource("diagrams")
  void idsThatCodeRefersToAreMeaningful(Path file) throws Exception {
    Diagram d = new Diagram(file);
    Set<String> ids = new HashSet<>(d.kinds.keySet());
    ids.addAll(d.flows);
    Set<String> referenced = javaStringLiterals();
    List<String> generated = new ArrayList<>();
    for (String id : ids) {
      if (GENERATED.matcher(id).matches() && (referenced.contains(id) || d.kinds.containsKey(id))) {
        generated.add(id);
      }
    }
    assertThat(generated).as("%s: generated ids of flow nodes or of elements code refers to", d.file).isEmpty();
  }

  /** The checks find what they look for: a diagram with each fault, written by hand. */
  @Test
  void theChecksFindOverlapsCoveredShapesMissingShapesAndEdges(@TempDir Path dir) throws Exception {
    Path broken = dir.resolve("broken.bpmn");
    Files.writeString(broken, "<?xml version='1.0' encoding='UTF-8'?><bpmn:definitions xmlns:bpmn='" + BPMN + "'"
        + " xmlns:bpmndi='" + BPMNDI + "' xmlns:dc='" + DC + "' xmlns:di='" + DI + "' id='D' targetNamespace='x'>"
        + "<bpmn:process id='p'><bpmn:startEvent id='Start'/><bpmn:userTask id='A'/><bpmn:userTask id='B'/>"
        + "<bpmn:endEvent id='Event_0abc123'/><bpmn:sequenceFlow id='f1' sourceRef='Start' targetRef='A'/>"
        + "<bpmn:sequenceFlow id='f2' sourceRef='A' targetRef='B'/></bpmn:process>"
        + "<bpmndi:BPMNDiagram id='DD'><bpmndi:BPMNPlane id='PL' bpmnElement='p'>"
        + "<bpmndi:BPMNShape id='s0' bpmnElement='Start'><dc:Bounds x='0' y='20' width='36' height='36'/>"
        + "<bpmndi:BPMNLabel><dc:Bounds x='40' y='30' width='80' height='14'/></bpmndi:BPMNLabel></bpmndi:BPMNShape>"
        + "<bpmndi:BPMNShape id='s1' bpmnElement='A'><dc:Bounds x='100' y='0' width='100' height='80'/></bpmndi:BPMNShape>"
        + "<bpmndi:BPMNShape id='s2' bpmnElement='B'><dc:Bounds x='150' y='40' width='100' height='80'/></bpmndi:BPMNShape>"
        + "<bpmndi:BPMNEdge id='e1' bpmnElement='f1'><di:waypoint x='36' y='38'/><di:waypoint x='100' y='38'/></bpmndi:BPMNEdge>"
        + "<bpmndi:BPMNEdge id='e2' bpmnElement='f2'><di:waypoint x='200' y='40'/></bpmndi:BPMNEdge>"
        + "</bpmndi:BPMNPlane></bpmndi:BPMNDiagram></bpmn:definitions>");
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> everyFlowNodeHasAShapeAndEveryFlowAnEdge(broken))
        .hasMessageContaining("flow nodes without a BPMNShape");
    Files.writeString(broken, Files.readString(broken).replace("<bpmn:endEvent id='Event_0abc123'/>", ""));
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> everyFlowNodeHasAShapeAndEveryFlowAnEdge(broken))
        .hasMessageContaining("f2");
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> noTwoShapesOverlap(broken)).hasMessageContaining("A / B");
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> noLabelCoversAnotherShape(broken))
        .hasMessageContaining("label of Start over A");
    assertThat(GENERATED.matcher("Event_0abc123").matches()).isTrue();
    assertThat(GENERATED.matcher("Flow_1x2y3z4").matches()).isTrue();
    assertThat(GENERATED.matcher("StartEvent_1").matches()).isTrue();
    assertThat(GENERATED.matcher("Task_AppraiseDossier").matches()).isFalse();
    assertThat(GENERATED.matcher("CallActivity_EscalateApproval").matches()).isFalse();
  }

  private static Set<String> javaStringLiterals() throws IOException {
    Set<String> literals = new HashSet<>();
    Pattern literal = Pattern.compile("\"([A-Za-z][A-Za-z0-9_-]*)\"");
    for (String root : List.of("src/main/java", "src/test/java")) {
      try (Stream<Path> files = Files.walk(Path.of(root))) {
        for (Path java : files.filter(p -> p.toString().endsWith(".java")).toList()) {
          Matcher m = literal.matcher(Files.readString(java));
          while (m.find()) {
            literals.add(m.group(1));
          }
        }
      }
    }
    return literals;
  }
}
