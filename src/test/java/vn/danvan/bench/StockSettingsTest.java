package vn.danvan.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * The benchmark's stock run switches off every optimisation: each {@code danvan.performance.*}
 * setting of application.yaml must have its stock value in {@code bench/stock-settings.properties},
 * else a new optimisation would silently be measured on both sides.
 */
class StockSettingsTest {

  @Test
  void everyPerformanceSwitchHasAStockValue() throws Exception {
    Map<String, Object> yaml;
    try (InputStream in = getClass().getResourceAsStream("/application.yaml")) {
      yaml = new Yaml().load(in);
    }
    Set<String> switches = new TreeSet<>();
    flatten("", yaml, new LinkedHashMap<>()).keySet().stream()
        .filter(k -> k.startsWith("danvan.performance.")).forEach(switches::add);
    assertThat(switches).isNotEmpty();
    assertThat(LifecycleBenchmark.stockSettings().keySet()).containsAll(switches);
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> flatten(String prefix, Map<String, Object> tree, Map<String, Object> into) {
    tree.forEach((k, v) -> {
      String key = prefix.isEmpty() ? k : prefix + "." + k;
      if (v instanceof Map<?, ?> map) {
        flatten(key, (Map<String, Object>) map, into);
      } else {
        into.put(key, v);
      }
    });
    return into;
  }
}
