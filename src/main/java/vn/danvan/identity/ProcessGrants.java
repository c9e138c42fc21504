package vn.danvan.identity;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.io.UncheckedIOException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.yaml.snakeyaml.Yaml;

/**
 * Who may start, work on, supervise and read each process, by process definition key and role, as
 * {@code security/process-grants.yaml} lists it. It is operator and developer data on purpose: a
 * process owner deploys diagrams, and nothing in a diagram can widen who reads a process's data. A
 * key the file does not list has no roles at all (deny by default).
 */
public final class ProcessGrants {

  public static final String RESOURCE = "security/process-grants.yaml";

  /** The roles of one process at each level. */
  public record Process(String key, Set<String> start, Set<String> work, Set<String> supervise, Set<String> read,
      Set<String> readWithoutVariables) {}

  private static final List<String> LEVELS = List.of("start", "work", "supervise", "read", "readWithoutVariables");

  private final Map<String, Process> processes;

  ProcessGrants(Map<String, Process> processes) {
    this.processes = Collections.unmodifiableMap(new LinkedHashMap<>(processes));
  }

  /** The bundled file; a role that is not one of {@link Roles} or an unknown level stops startup. */
  public static ProcessGrants load() {
    return load(null);
  }

  /**
   * The bundled file, then the operator's file if one is named: a process the operator's file lists
   * replaces the bundled entry of that key, so an operator grants a newly designed process, or narrows
   * an existing one, without a rebuild. A missing or malformed operator file stops startup.
   */
  public static ProcessGrants load(Path operatorFile) {
    Map<String, Process> processes;
    try (InputStream in = ProcessGrants.class.getClassLoader().getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("Missing classpath resource " + RESOURCE);
      }
      processes = new LinkedHashMap<>(parse(new Yaml().load(in), RESOURCE).processes);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    if (operatorFile != null) {
      try (InputStream in = Files.newInputStream(operatorFile)) {
        processes.putAll(parse(new Yaml().load(in), operatorFile.toString()).processes);
      } catch (IOException e) {
        throw new IllegalStateException("Cannot read the operator's process grants file " + operatorFile
            + " (danvan.security.process-grants-file): " + e.getMessage(), e);
      }
    }
    return new ProcessGrants(processes);
  }

  @SuppressWarnings("unchecked")
  static ProcessGrants parse(Map<String, Object> root) {
    return parse(root, RESOURCE);
  }

  @SuppressWarnings("unchecked")
  static ProcessGrants parse(Map<String, Object> root, String source) {
    Map<String, Process> processes = new LinkedHashMap<>();
    Object listed = root == null ? null : root.get("processes");
    if (!(listed instanceof Map<?, ?> map)) {
      throw new IllegalStateException(source + ": expected a 'processes' map");
    }
    for (var entry : ((Map<String, Object>) map).entrySet()) {
      String key = entry.getKey();
      Map<String, Object> levels = entry.getValue() == null ? Map.of() : (Map<String, Object>) entry.getValue();
      for (String level : levels.keySet()) {
        if (!LEVELS.contains(level)) {
          throw new IllegalStateException(source + ", process " + key + ": unknown level '" + level + "', expected one of " + LEVELS);
        }
      }
      Set<String> supervise = roles(source, key, levels, "supervise");
      Set<String> work = new LinkedHashSet<>(roles(source, key, levels, "work"));
      work.addAll(supervise); // who supervises a process works on it
      processes.put(key, new Process(key, roles(source, key, levels, "start"), Collections.unmodifiableSet(work), supervise,
          roles(source, key, levels, "read"), roles(source, key, levels, "readWithoutVariables")));
    }
    return new ProcessGrants(processes);
  }

  private static Set<String> roles(String source, String key, Map<String, Object> levels, String level) {
    Object value = levels.get(level);
    if (value == null) {
      return Set.of();
    }
    if (!(value instanceof List<?> list)) {
      throw new IllegalStateException(source + ", process " + key + ", " + level + ": expected a list of roles");
    }
    Set<String> roles = new LinkedHashSet<>();
    for (Object role : list) {
      String id = String.valueOf(role);
      if (!Roles.NAMES.containsKey(id) || Roles.ADMIN.equals(id)) {
        throw new IllegalStateException(source + ", process " + key + ", " + level + ": unknown role '" + id + "'");
      }
      roles.add(id);
    }
    return Collections.unmodifiableSet(roles);
  }

  /** Every listed process, in file order. */
  public Map<String, Process> processes() {
    return processes;
  }

  /** True if {@code group} may be a candidate group of the tasks of process {@code key}. */
  public boolean works(String key, String group) {
    Process process = processes.get(key);
    return process != null && process.work().contains(group);
  }

  /** The roles working on process {@code key}; empty for a key nobody listed. */
  public Set<String> workingRoles(String key) {
    Process process = processes.get(key);
    return process == null ? Set.of() : process.work();
  }
}
