package vn.danvan.identity;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.Yaml;

/** The demo units and users of {@code demo/identity.yaml}. */
record DemoIdentity(List<Unit> units, List<DemoUser> users) {

  static final String RESOURCE = "demo/identity.yaml";
  static final String PASSWORD = "demo";

  record Unit(String id, String name, String level, String parent, String agencyCode) {}

  /**
   * A demo official; {@code units} lists further units they belong to (auditors of a province);
   * {@code position} (an {@link OfficialPosition} name) is the post a leader holds in {@code unit}.
   */
  record DemoUser(String id, String first, String last, String title, String position, String unit,
      List<String> units, List<String> groups) {

    List<String> allUnits() {
      List<String> all = new ArrayList<>(List.of(unit));
      all.addAll(units);
      return all;
    }
  }

  @SuppressWarnings("unchecked")
  static DemoIdentity load() {
    try (InputStream in = DemoIdentity.class.getClassLoader().getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("Missing classpath resource " + RESOURCE);
      }
      Map<String, Object> root = new Yaml().load(in);
      List<Unit> units = ((List<Map<String, Object>>) root.get("units")).stream()
          .map(u -> new Unit(str(u, "id"), str(u, "name"), str(u, "level"), (String) u.get("parent"),
              (String) u.get("agencyCode"))).toList();
      List<DemoUser> users = ((List<Map<String, Object>>) root.get("users")).stream()
          .map(u -> new DemoUser(str(u, "id"), str(u, "first"), str(u, "last"), (String) u.get("title"),
              (String) u.get("position"), str(u, "unit"), (List<String>) u.getOrDefault("units", List.of()), (List<String>) u.get("groups")))
          .toList();
      return new DemoIdentity(units, users);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String str(Map<String, Object> map, String key) {
    Object value = map.get(key);
    if (value == null) {
      throw new IllegalStateException(RESOURCE + ": missing '" + key + "' in " + map);
    }
    return value.toString();
  }
}
