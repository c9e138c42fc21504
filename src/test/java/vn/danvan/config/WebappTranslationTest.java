package vn.danvan.config;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The Vietnamese translations of the Camunda webapps that we ship in
 * {@code src/main/resources/META-INF/resources/webjars/camunda/app/<app>/locales/vi.json} must match
 * the English locale file of the Camunda webjar on the classpath key for key: a Camunda upgrade that
 * adds, renames or removes a label fails here until vi.json follows it.
 */
class WebappTranslationTest {

  private static final String LOCALES = "META-INF/resources/webjars/camunda/app/%s/locales/%s.json";
  private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{.*?}}");
  private static final ObjectMapper JSON = new ObjectMapper();

  @ParameterizedTest
  @ValueSource(strings = {"tasklist", "welcome"})
  void vietnameseHasExactlyTheKeysOfTheWebjarsEnglish(String app) throws IOException {
    Map<String, String> en = flatten(read(webjarEnglish(app)));
    Map<String, String> vi = flatten(read(ours(app, "vi")));

    assertThat(en).as("English locale of %s in the webjar", app).isNotEmpty();
    assertThat(vi.keySet()).as("keys of %s/locales/vi.json", app).containsExactlyInAnyOrderElementsOf(en.keySet());
  }

  @ParameterizedTest
  @ValueSource(strings = {"tasklist", "welcome"})
  void vietnameseKeepsEveryPlaceholderAndLeavesNothingEmpty(String app) throws IOException {
    Map<String, String> en = flatten(read(webjarEnglish(app)));
    Map<String, String> vi = flatten(read(ours(app, "vi")));

    List<String> problems = new ArrayList<>();
    en.forEach((key, english) -> {
      String vietnamese = vi.get(key);
      if (vietnamese == null) {
        return; // reported by the key test
      }
      for (String placeholder : placeholders(english)) {
        if (!vietnamese.contains(placeholder)) {
          problems.add(key + ": placeholder " + placeholder + " missing in \"" + vietnamese + "\"");
        }
      }
      if (!english.isBlank() && vietnamese.isBlank()) {
        problems.add(key + ": empty translation");
      }
    });
    assertThat(problems).as("%s/locales/vi.json", app).isEmpty();
  }

  /** The webjar's en.json, even if we ever shadow it with a file of our own. */
  private static URL webjarEnglish(String app) throws IOException {
    String path = LOCALES.formatted(app, "en");
    for (URL url : Collections.list(WebappTranslationTest.class.getClassLoader().getResources(path))) {
      if (url.toString().contains("camunda-webapp-webjar")) {
        return url;
      }
    }
    throw new AssertionError("no " + path + " in the camunda-webapp-webjar on the classpath");
  }

  private static URL ours(String app, String locale) {
    String path = LOCALES.formatted(app, locale);
    URL url = WebappTranslationTest.class.getClassLoader().getResource(path);
    assertThat(url).as(path).isNotNull();
    assertThat(url.toString()).as(path + " must be ours, not the webjar's").doesNotContain("camunda-webapp-webjar");
    return url;
  }

  private static JsonNode read(URL url) throws IOException {
    try (InputStream in = url.openStream()) {
      String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      if (text.startsWith("\uFEFF")) {
        text = text.substring(1); // Camunda's en.json starts with a byte order mark
      }
      return JSON.readTree(text);
    }
  }

  /** Nested objects and arrays become dotted keys: labels.CLAIM_TASK, dateLocales.months[0]. */
  private static Map<String, String> flatten(JsonNode root) {
    Map<String, String> flat = new TreeMap<>();
    flatten("", root, flat);
    return flat;
  }

  private static void flatten(String prefix, JsonNode node, Map<String, String> flat) {
    if (node.isObject()) {
      node.fields().forEachRemaining(e -> flatten(prefix.isEmpty() ? e.getKey() : prefix + "." + e.getKey(), e.getValue(), flat));
    } else if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        flatten(prefix + "[" + i + "]", node.get(i), flat);
      }
    } else {
      flat.put(prefix, node.asText());
    }
  }

  private static Set<String> placeholders(String text) {
    Set<String> found = new LinkedHashSet<>();
    Matcher m = PLACEHOLDER.matcher(text);
    while (m.find()) {
      found.add(m.group());
    }
    return found;
  }
}
