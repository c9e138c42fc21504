package vn.danvan.sla;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.Resource;
import org.springframework.stereotype.Component;
import org.yaml.snakeyaml.Yaml;

/**
 * The dated clock policies of each rule family ({@code danvan.sla.clock-rules}, by default {@code
 * classpath:sla/clock-rules.yaml}): resume mode and extension limit, data and not constants because
 * the law changes and some of it is unconfirmed. A case takes the version in force on the day it was
 * accepted. Read once at start-up; an invalid file stops the application.
 */
@Component
public class ClockRuleBook {

  private final Map<String, List<ClockPolicy>> families;

  @Autowired
  ClockRuleBook(@Value("${danvan.sla.clock-rules:classpath:sla/clock-rules.yaml}") Resource file) {
    this(read(file));
  }

  ClockRuleBook(Map<String, List<ClockPolicy>> families) {
    this.families = Map.copyOf(families);
  }

  /**
   * The policy of {@code family} in force on {@code acceptedOn}.
   *
   * @throws IllegalStateException if the family has no version in force that day
   */
  public ClockPolicy policy(String family, LocalDate acceptedOn) {
    return families.getOrDefault(family, List.of()).stream()
        .filter(p -> !p.effectiveFrom().isAfter(acceptedOn))
        .max(Comparator.comparing(ClockPolicy::effectiveFrom))
        .orElseThrow(() -> new IllegalStateException("No clock rule " + family + " in force on " + acceptedOn));
  }

  static Map<String, List<ClockPolicy>> read(Resource file) {
    try (InputStream in = file.getInputStream()) {
      return parse(new Yaml().load(in), file.getDescription());
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read the clock rules " + file.getDescription(), e);
    }
  }

  static Map<String, List<ClockPolicy>> parse(Object parsed, String where) {
    if (!(parsed instanceof Map<?, ?> map)) {
      throw new IllegalStateException(where + ": the clock rules map each family to its dated versions");
    }
    Map<String, List<ClockPolicy>> families = new LinkedHashMap<>();
    map.forEach((family, versions) -> {
      if (!(versions instanceof List<?> list) || list.isEmpty()) {
        throw new IllegalStateException(where + ": " + family + " has no versions");
      }
      List<ClockPolicy> policies = new ArrayList<>();
      for (Object version : list) {
        if (!(version instanceof Map<?, ?> v)) {
          throw new IllegalStateException(where + ": " + family + ": a version is a map");
        }
        try {
          int max = ((Number) required(v, "maxExtensions")).intValue();
          if (max < 0) {
            throw new IllegalArgumentException("maxExtensions is negative");
          }
          policies.add(new ClockPolicy(String.valueOf(family), date(required(v, "effectiveFrom")),
              ResumeMode.valueOf(String.valueOf(required(v, "resumeMode"))), max,
              String.valueOf(required(v, "basis")), String.valueOf(required(v, "source"))));
        } catch (RuntimeException e) {
          throw new IllegalStateException(where + ": " + family + ": " + e.getMessage(), e);
        }
      }
      if (policies.stream().map(ClockPolicy::effectiveFrom).distinct().count() != policies.size()) {
        throw new IllegalStateException(where + ": " + family + " has two versions from the same day");
      }
      families.put(String.valueOf(family), List.copyOf(policies));
    });
    return families;
  }

  /** YAML reads an unquoted 2025-07-01 as a timestamp at midnight UTC. */
  private static LocalDate date(Object value) {
    if (value instanceof java.util.Date date) {
      return date.toInstant().atZone(java.time.ZoneOffset.UTC).toLocalDate();
    }
    return LocalDate.parse(String.valueOf(value));
  }

  private static Object required(Map<?, ?> version, String key) {
    Object value = version.get(key);
    if (value == null) {
      throw new IllegalArgumentException(key + " is missing");
    }
    return value;
  }
}
