package vn.danvan.support;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/** A Camunda Modeler element template of {@code .camunda/element-templates/}, read for tests of what it binds. */
public final class ElementTemplateFile {

  private final JsonNode template;
  private final Map<String, JsonNode> bindings = new LinkedHashMap<>();

  private ElementTemplateFile(JsonNode template) {
    this.template = template;
    template.get("properties").forEach(p -> bindings.put(p.get("binding").get("name").asText(), p));
  }

  /** The single template of {@code .camunda/element-templates/<file>}, checked to be a Camunda 7 service task template. */
  public static ElementTemplateFile read(String file) throws IOException {
    JsonNode root = new ObjectMapper().readTree(Path.of(".camunda/element-templates", file).toFile());
    assertThat(root.isArray()).isTrue();
    JsonNode template = root.get(0);
    assertThat(template.get("$schema").asText())
        .isEqualTo("https://unpkg.com/@camunda/element-templates-json-schema/resources/schema.json");
    assertThat(template.get("appliesTo").get(0).asText()).isEqualTo("bpmn:ServiceTask");
    assertThat(template.get("id").asText()).isNotBlank();
    assertThat(template.get("version").asInt()).isPositive();
    return new ElementTemplateFile(template);
  }

  public JsonNode template() {
    return template;
  }

  /** Property bindings by name: {@code camunda:delegateExpression}, input parameter names. */
  public Map<String, JsonNode> bindings() {
    return bindings;
  }

  /** The property binding input parameter {@code name}, which must exist. */
  public JsonNode input(String name) {
    JsonNode property = bindings.get(name);
    assertThat(property).as("input parameter %s", name).isNotNull();
    assertThat(property.get("binding").get("type").asText()).isEqualTo("camunda:inputParameter");
    return property;
  }
}
