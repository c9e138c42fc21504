package vn.danvan.definition;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.impl.persistence.entity.JobDefinitionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.junit.jupiter.api.Test;

/**
 * A kept definition row carries exactly what the engine's own mapping reads (so that an engine
 * upgrade adding a column fails here instead of losing it), and an entity built from a row gives
 * the same row back.
 */
class DefinitionRowTest {

  @Test
  void aProcessDefinitionRowCarriesEveryPropertyOfTheEnginesMapping() throws Exception {
    assertThat(components(ProcessDefinitionRow.class))
        .isEqualTo(mapped(ProcessDefinitionEntity.class, "ProcessDefinition.xml", "processDefinitionResultMap"));
  }

  @Test
  void aJobDefinitionRowCarriesEveryPropertyOfTheEnginesMapping() throws Exception {
    assertThat(components(JobDefinitionRow.class))
        .isEqualTo(mapped(JobDefinitionEntity.class, "JobDefinition.xml", "jobDefinitionResultMap"));
  }

  @Test
  void aProcessDefinitionBuiltFromARowGivesTheRowBack() {
    var row = new ProcessDefinitionRow("p:3:id", 4, "category", "Tên quy trình", "p", 3, "deployment", "p.bpmn",
        "p.png", true, 2, "dongha", "1.2", 3650, false);
    ProcessDefinitionEntity entity = row.toEntity();
    assertThat(ProcessDefinitionRow.of(entity)).isEqualTo(row);
    assertThat(entity.getPersistentState()).isEqualTo(ProcessDefinitionRow.of(entity).toEntity().getPersistentState());
  }

  @Test
  void aJobDefinitionBuiltFromARowGivesTheRowBack() {
    var row = new JobDefinitionRow("j", 2, "p:3:id", "p", "Timer_Wait", "timer-intermediate-transition",
        "DURATION: PT1H", 42L, 2, "dongha", "deployment");
    JobDefinitionEntity entity = row.toEntity();
    assertThat(JobDefinitionRow.of(entity)).isEqualTo(row);
    assertThat(entity.getPersistentState()).isEqualTo(JobDefinitionRow.of(entity).toEntity().getPersistentState());
  }

  private static Set<String> components(Class<? extends Record> row) {
    Set<String> names = new TreeSet<>();
    Arrays.stream(row.getRecordComponents()).forEach(c -> names.add(c.getName()));
    return names;
  }

  /** The properties of a result map in the engine's mapping file (next to its entities' package). */
  private static Set<String> mapped(Class<?> entity, String file, String resultMap) throws Exception {
    String path = entity.getPackageName().replace(".persistence.entity", ".mapping.entity").replace('.', '/') + "/" + file;
    String xml;
    try (InputStream in = entity.getClassLoader().getResourceAsStream(path)) {
      assertThat(in).as(path).isNotNull();
      xml = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    }
    int start = xml.indexOf("<resultMap id=\"" + resultMap + "\"");
    String map = xml.substring(start, xml.indexOf("</resultMap>", start));
    Set<String> names = new TreeSet<>();
    Matcher property = Pattern.compile("property=\"([^\"]+)\"").matcher(map);
    while (property.find()) {
      // the entity's setter for STARTABLE_ is setStartableInTasklist, the record component startableInTasklist
      names.add(property.group(1).equals("isStartableInTasklist") ? "startableInTasklist" : property.group(1));
    }
    return names;
  }
}
