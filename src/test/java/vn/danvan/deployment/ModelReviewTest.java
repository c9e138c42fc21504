package vn.danvan.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The deployment rules on whole resources: which element and attribute each refusal names. */
class ModelReviewTest {

  private static final Set<String> BEANS = Set.of("workCalendar", "caseClock", "signDocumentDelegate",
      "registerDossierDelegate");

  private final ModelReview review = new ModelReview(new ExpressionAllowList(BEANS,
      name -> name.equals("identityService") || name.equals("jdbcTemplate")));

  @Test
  void ourOwnModelsAndFormsPass() throws IOException {
    ModelReview ours = new ModelReview(new ExpressionAllowList(referencedBeans(), name -> false));
    for (String folder : List.of("bpmn", "forms")) {
      try (Stream<Path> files = Files.list(Path.of(folder))) {
        for (Path file : files.toList()) {
          assertThat(ours.review(folder + "/" + file.getFileName(), Files.readAllBytes(file))).as(file.toString()).isEmpty();
        }
      }
    }
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      // element, attribute, reason: one worked case per rule
      "<bpmn:serviceTask id='T' camunda:expression=\"${identityService.createMembership('x', 'camunda-admin')}\"/>|T|camunda:expression|bean 'identityService' is not exposed",
      "<bpmn:serviceTask id='T' camunda:expression=\"${jdbcTemplate.execute('drop table x')}\"/>|T|camunda:expression|bean 'jdbcTemplate' is not exposed",
      "<bpmn:serviceTask id='T' camunda:class='java.lang.Runtime'/>|T|camunda:class|outside the project's package",
      "<bpmn:serviceTask id='T' camunda:class='vn.danvanx.Evil'/>|T|camunda:class|outside the project's package",
      "<bpmn:scriptTask id='S' scriptFormat='groovy'><bpmn:script>1</bpmn:script></bpmn:scriptTask>|S|bpmn:scriptTask|script tasks",
      "<bpmn:task id='L'><bpmn:extensionElements><camunda:executionListener event='start'><camunda:script scriptFormat='js'>x</camunda:script></camunda:executionListener></bpmn:extensionElements></bpmn:task>|L|camunda:script|scripts",
      "<bpmn:task id='L'><bpmn:extensionElements><camunda:executionListener event='start' class='org.evil.Listener'/></bpmn:extensionElements></bpmn:task>|L|class|outside the project's package",
      "<bpmn:callActivity id='C' calledElement='x' camunda:variableMappingClass='org.evil.Mapping'/>|C|camunda:variableMappingClass|outside the project's package",
      "<bpmn:scriptTask id='R' camunda:resource='deployment://x.js'/>|R|bpmn:scriptTask|script tasks",
      "<bpmn:task id='R' camunda:resource='deployment://x.js'/>|R|camunda:resource|external script resources",
      "<bpmn:userTask id='U' camunda:formKey='embedded:deployment:form.html'/>|U|camunda:formKey|only Camunda Forms",
      "<bpmn:userTask id='U' camunda:formKey='app:forms/x.html'/>|U|camunda:formKey|only Camunda Forms",
      "<bpmn:startEvent id='E'><bpmn:timerEventDefinition id='TD'><bpmn:timeDate xsi:type='bpmn:tFormalExpression'>${''.getClass().forName('java.lang.Runtime')}</bpmn:timeDate></bpmn:timerEventDefinition></bpmn:startEvent>|TD|bpmn:timeDate|'getClass' is a reflective name",
      "<bpmn:serviceTask id='T' camunda:expression='${execution.getProcessEngineServices().getIdentityService()}'/>|T|camunda:expression|'execution.getProcessEngineServices' is not on the allow-list",
      "<bpmn:sequenceFlow id='F' sourceRef='a' targetRef='b'><bpmn:conditionExpression xsi:type='bpmn:tFormalExpression' language='javascript'>true</bpmn:conditionExpression></bpmn:sequenceFlow>|F|language|expression language 'javascript'",
      "<bpmn:task id='I'><bpmn:extensionElements><camunda:inputOutput><camunda:inputParameter name='p'>${jdbcTemplate}</camunda:inputParameter></camunda:inputOutput></bpmn:extensionElements></bpmn:task>|I|camunda:inputParameter|bean 'jdbcTemplate'",
      "<bpmn:task id='X' someext:anything='${x.getClass()}' xmlns:someext='urn:x'/>|X|someext:anything|'getClass' is a reflective name",
  })
  void refusesBpmn(String element, String elementId, String attribute, String reason) {
    List<ModelReview.Finding> findings = review.review("evil.bpmn", bpmn(element));
    assertThat(findings).as(element).isNotEmpty();
    ModelReview.Finding first = findings.get(0);
    assertThat(first.resource()).isEqualTo("evil.bpmn");
    assertThat(first.elementId()).isEqualTo(elementId);
    assertThat(first.attribute()).isEqualTo(attribute);
    assertThat(first.reason()).contains(reason);
    assertThat(first.message()).contains("evil.bpmn", elementId, attribute);
  }

  @Test
  void allowsWhatModellersNeed() {
    String element = "<bpmn:userTask id='U' camunda:formRef='receive-dossier' camunda:formRefBinding='deployment'"
        + " camunda:dueDate='${workCalendar.plusWorkingDays(now(), 3)}' camunda:candidateGroups='one-stop-officer'>"
        + "<bpmn:documentation>Gọi ${''.getClass()} ở đây chỉ là chữ</bpmn:documentation></bpmn:userTask>"
        + "<bpmn:serviceTask id='S' camunda:delegateExpression='${registerDossierDelegate}'/>"
        + "<bpmn:serviceTask id='C' camunda:class='vn.danvan.dossier.SomeDelegate'/>"
        + "<bpmn:userTask id='K' camunda:formKey='camunda-forms:deployment:x.form'/>"
        + "<bpmn:textAnnotation id='A'><bpmn:text>${identityService} is only text</bpmn:text></bpmn:textAnnotation>";
    assertThat(review.review("ok.bpmn", bpmn(element))).isEmpty();
  }

  @Test
  void refusesOtherResourceTypes() {
    for (String name : List.of("form.html", "app.js", "x.groovy", "diagram.png", "case.cmmn", "notes.txt")) {
      List<ModelReview.Finding> findings = review.review(name, "<html></html>".getBytes(StandardCharsets.UTF_8));
      assertThat(findings).as(name).singleElement()
          .satisfies(f -> assertThat(f.reason()).contains("only BPMN (.bpmn), DMN (.dmn) and Camunda Forms (.form)"));
    }
  }

  @Test
  void refusesXmlWithADocumentType() {
    String xml = "<?xml version='1.0'?><!DOCTYPE d [<!ENTITY e '${x.getClass()}'>]>"
        + "<bpmn:definitions xmlns:bpmn='http://www.omg.org/spec/BPMN/20100524/MODEL'><bpmn:process id='p' camunda:x='&e;'/></bpmn:definitions>";
    assertThat(review.review("doctype.bpmn", xml.getBytes(StandardCharsets.UTF_8))).singleElement()
        .satisfies(f -> assertThat(f.reason()).contains("document type declaration"));
  }

  @Test
  void refusesAFormThatIsNotJson() {
    assertThat(review.review("x.form", "<script>alert(1)</script>".getBytes(StandardCharsets.UTF_8))).hasSize(1);
    assertThat(review.review("x.form", "{\"components\": []}".getBytes(StandardCharsets.UTF_8))).isEmpty();
  }

  @Test
  void decisionsMustBeFeel() {
    String juel = dmn("<inputExpression id='IE' expressionLanguage='juel'><text>${''.getClass()}</text></inputExpression>");
    assertThat(review.review("d.dmn", juel.getBytes(StandardCharsets.UTF_8))).singleElement().satisfies(f -> {
      assertThat(f.elementId()).isEqualTo("IE");
      assertThat(f.attribute()).isEqualTo("expressionLanguage");
      assertThat(f.reason()).contains("FEEL");
    });
    String script = dmn("<inputExpression id='IE' expressionLanguage='javascript'><text>1</text></inputExpression>");
    assertThat(review.review("d.dmn", script.getBytes(StandardCharsets.UTF_8))).hasSize(1);
    String feel = dmn("<inputExpression id='IE' expressionLanguage='feel'><text>procedureCode</text></inputExpression>");
    assertThat(review.review("d.dmn", feel.getBytes(StandardCharsets.UTF_8))).isEmpty();
    String defaultLanguage = dmn("<inputExpression id='IE'><text>procedureCode</text></inputExpression>");
    assertThat(review.review("d.dmn", defaultLanguage.getBytes(StandardCharsets.UTF_8))).isEmpty();
    String globalJuel = "<definitions xmlns='https://www.omg.org/spec/DMN/20191111/MODEL/' id='D' name='d' "
        + "namespace='x' expressionLanguage='juel'><decision id='d1' name='d1'/></definitions>";
    assertThat(review.review("d.dmn", globalJuel.getBytes(StandardCharsets.UTF_8))).singleElement()
        .satisfies(f -> assertThat(f.elementId()).isEqualTo("D"));
  }

  /** Every bean named by our own models: what they need exposed. */
  private static Set<String> referencedBeans() {
    return Set.of("workCalendar", "caseClock", "signDocumentDelegate", "registerDossierDelegate",
        "classifyOutcomeDelegate", "closeDossierDelegate", "issueApologyDelegate", "issueReceiptDelegate",
        "markResultReadyDelegate", "prepareResultDelegate", "recordLateDossierDelegate", "planEscalationLadderDelegate", "openNextRungDelegate", "recordUrgingListener",
        "refuseDossierDelegate", "requestSupplementDelegate", "stopDossierDelegate");
  }

  private static byte[] bpmn(String elements) {
    String xml = "<?xml version='1.0' encoding='UTF-8'?>"
        + "<bpmn:definitions xmlns:bpmn='http://www.omg.org/spec/BPMN/20100524/MODEL'"
        + " xmlns:camunda='http://camunda.org/schema/1.0/bpmn' xmlns:xsi='http://www.w3.org/2001/XMLSchema-instance'"
        + " id='Defs' targetNamespace='x'><bpmn:process id='P' isExecutable='true'>" + elements
        + "</bpmn:process></bpmn:definitions>";
    return xml.getBytes(StandardCharsets.UTF_8);
  }

  private static String dmn(String input) {
    return "<definitions xmlns='https://www.omg.org/spec/DMN/20191111/MODEL/' id='D' name='d' namespace='x'>"
        + "<decision id='d1' name='d1'><decisionTable id='DT'><input id='I1'>" + input + "</input>"
        + "<output id='O1' name='o' typeRef='string'/></decisionTable></decision></definitions>";
  }
}
