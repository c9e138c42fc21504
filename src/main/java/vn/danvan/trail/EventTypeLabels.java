package vn.danvan.trail;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;
import org.yaml.snakeyaml.Yaml;

/**
 * The Vietnamese label of each trail event type, read from {@code trail/event-types.yaml}: data, not
 * a closed enum, so a new process adds its types to the file. A type without a label reads
 * "Sự kiện khác" (and is logged once per lookup as a warning): people never see a raw code.
 */
@Component
public class EventTypeLabels {

  static final String RESOURCE = "trail/event-types.yaml";
  static final String UNLABELLED = "Sự kiện khác";

  private static final Logger LOG = LoggerFactory.getLogger(EventTypeLabels.class);

  private final Map<String, String> labels;

  EventTypeLabels() {
    this(load(RESOURCE));
  }

  EventTypeLabels(Map<String, String> labels) {
    this.labels = Map.copyOf(labels);
  }

  public String label(String type) {
    String label = labels.get(type);
    if (label == null) {
      LOG.warn("Trail event type {} has no label in {}", type, RESOURCE);
      return UNLABELLED;
    }
    return label;
  }

  public boolean knows(String type) {
    return labels.containsKey(type);
  }

  static Map<String, String> load(String resource) {
    try (InputStream in = new ClassPathResource(resource).getInputStream()) {
      Object parsed = new Yaml().load(in);
      if (!(parsed instanceof Map<?, ?> map)) {
        throw new IllegalStateException(resource + " must map event types to labels");
      }
      Map<String, String> labels = new LinkedHashMap<>();
      map.forEach((type, label) -> {
        if (!(label instanceof String text) || text.isBlank()) {
          throw new IllegalStateException(resource + ": event type " + type + " has no label");
        }
        labels.put(String.valueOf(type), text.strip());
      });
      return labels;
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read " + resource, e);
    }
  }
}
