package vn.danvan.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.Test;
import vn.danvan.DanvanApplication;

/**
 * The code base uses the engine's public API, and its internals ({@code impl} packages of the
 * engine, the webapps, the shaded JUEL) only in the few classes listed in {@link #ALLOWED}, each
 * for an extension point or a fact that has no public API. An Operaton build rewrites the same
 * packages ({@code org.operaton.bpm.engine.impl}); these classes are the ones to check when either
 * engine changes.
 *
 * <p>Reads the compiled classes (their constant pools: every type a class names, in imports,
 * fully qualified names, signatures, lambdas and nested classes alike; string literals excluded),
 * so no use escapes by being written without an import. No dependency beyond the JDK.
 */
class EngineInternalsTest {

  /** The only classes that may use an engine {@code impl} type, each with why. Keep it short. */
  static final Map<String, String> ALLOWED = Map.ofEntries(
      Map.entry("vn.danvan.config.TextVariableLimit", "engine plugin installing a variable serializer (both SPIs are impl)"),
      Map.entry("vn.danvan.config.WebappSession", "reads the webapps' login and CSRF token from the session (webapp.impl only)"),
      Map.entry("vn.danvan.contract.StartContractPlugin", "engine plugin with a BPMN parse listener (impl SPIs)"),
      Map.entry("vn.danvan.contract.EngineReads", "runs a form check's reads as one engine command (one entity cache)"),
      Map.entry("vn.danvan.deployment.CascadeDeletionGuard", "command interceptor that inspects deletion commands (impl SPI)"),
      Map.entry("vn.danvan.deployment.DeploymentGuard", "deployer that checks every resource of a deployment (impl SPI)"),
      Map.entry("vn.danvan.deployment.DeploymentSecurityPlugin", "engine plugin installing the deployer, interceptor and expression manager"),
      Map.entry("vn.danvan.deployment.SandboxElResolver", "EL resolver of the expression sandbox (the engine's shaded JUEL)"),
      Map.entry("vn.danvan.deployment.SandboxExpressionManager", "the engine's expression manager, extended (impl)"),
      Map.entry("vn.danvan.duty.GuardedFormService", "replaces the engine's form service, raises its form validation error"),
      Map.entry("vn.danvan.duty.GuardedTaskService", "replaces the engine's task service (TaskServiceImpl)"),
      Map.entry("vn.danvan.duty.TaskGuardParseListener", "BPMN parse listener adding task listeners to every user task"),
      Map.entry("vn.danvan.duty.TaskGuardPlugin", "engine plugin installing the task guard"),
      Map.entry("vn.danvan.cluster.NodeName", "engine plugin setting the engine's hostname (job log, metrics)"),
      Map.entry("vn.danvan.cluster.StartupLock", "engine plugin taking the startup lock before the engine is built"),
      Map.entry("vn.danvan.escalation.EscalationPlugin", "engine plugin installing the ladder's parse listener"),
      Map.entry("vn.danvan.escalation.LadderCallParseListener", "BPMN parse listener on escalation ladder calls"),
      Map.entry("vn.danvan.history.JobLogHistoryPlugin", "engine plugin installing the history event producer (impl)"),
      Map.entry("vn.danvan.history.HistoryUpdatePlugin", "engine plugin installing the history event handler (impl)"),
      Map.entry("vn.danvan.identity.AuthorizationFactsPlugin", "engine plugin installing the authorization manager"),
      Map.entry("vn.danvan.identity.CachingAuthorizationManager", "the engine's authorization manager, extended (impl)"),
      Map.entry("vn.danvan.identity.AskedCheck", "the engine's permission checks (impl) as the key of a check repeated in one command"),
      Map.entry("vn.danvan.identity.IdentityChangesPlugin", "engine plugin wrapping the engine's writable identity provider"),
      Map.entry("vn.danvan.identity.ChangeCountingIdentityProvider", "the engine's writable identity provider (impl SPI), decorated"),
      Map.entry("vn.danvan.config.PipelinedFlushPlugin", "engine plugin giving the engine's MyBatis sessions their connections"),
      Map.entry("vn.danvan.config.EngineManagers", "installs or wraps a manager through the engine's session factories (impl)"),
      Map.entry("vn.danvan.definition.DefinitionRowsPlugin", "engine plugin installing the definition managers"),
      Map.entry("vn.danvan.definition.CachingProcessDefinitionManager", "the engine's process definition manager, extended (impl)"),
      Map.entry("vn.danvan.definition.CachingJobDefinitionManager", "the engine's job definition manager, extended (impl)"),
      Map.entry("vn.danvan.definition.KeptDefinitions", "hands a kept row to the command's entity cache (impl)"),
      Map.entry("vn.danvan.definition.ProcessDefinitionRow", "the row of the engine's process definition entity (impl)"),
      Map.entry("vn.danvan.definition.JobDefinitionRow", "the row of the engine's job definition entity (impl)"),
      Map.entry("vn.danvan.identity.SeedPlugin", "engine plugin: the only hook between engine build and auto-deployment"),
      Map.entry("vn.danvan.identity.TenantConfiguration", "engine plugin installing the tenant id provider"),
      Map.entry("vn.danvan.identity.UnitTenantIdProvider", "tenant id provider (impl SPI) reading the command's authentication"),
      Map.entry("vn.danvan.identity.WithoutAuthorization", "the only way to suspend authorization checks for a block of calls"),
      Map.entry("vn.danvan.sla.EngineClock", "the engine clock (ClockUtil); no public clock exists"),
      Map.entry("vn.danvan.trail.CurrentStep", "the activity running on this thread (execution context); no public API"));

  /**
   * Impl types that are part of a public service's signature, usable by any class:
   * {@code IdentityService#getCurrentAuthentication} returns this one.
   */
  static final Set<String> PUBLIC_SIGNATURE_TYPES = Set.of(Authentication.class.getName());

  /**
   * The engine's root package ({@code org.camunda.bpm}, or {@code org.operaton.bpm} in a build for
   * Operaton), from a class literal: strings are not rewritten with the packages.
   */
  private static final String ROOT = ProcessEngine.class.getPackageName().replaceAll("\\.engine$", "");

  /**
   * An impl type of the engine, the webapps or the starter; or the engine's expression language,
   * which Camunda shades into {@code impl.juel.jakarta.el} and Operaton takes from {@code jakarta.el}.
   */
  private static final Pattern IMPL_TYPE = Pattern.compile(
      Pattern.quote(ROOT.replace('.', '/')) + "/(?:[\\w$]+/)*impl/[\\w$/]*[\\w$]|jakarta/el/[\\w$]+");

  @Test
  void onlyTheListedClassesUseEngineInternals() throws IOException {
    Map<String, Set<String>> uses = implUses(mainClasses());
    Map<String, Set<String>> unlisted = new TreeMap<>(uses);
    unlisted.keySet().removeAll(ALLOWED.keySet());
    assertThat(unlisted).as("classes using engine internals outside the list (use the public API, or isolate the "
        + "internal use in one small listed class)").isEmpty();
  }

  @Test
  void everyListedClassStillNeedsEngineInternals() throws IOException {
    Set<String> users = implUses(mainClasses()).keySet();
    assertThat(new TreeSet<>(ALLOWED.keySet())).as("listed classes that no longer use internals: remove them from the list")
        .allMatch(users::contains);
  }

  @Test
  void theEngineClockIsReadInOnePlaceOnly() throws IOException {
    String clock = ClockUtil.class.getName();
    var readers = implUses(mainClasses()).entrySet().stream().filter(e -> e.getValue().contains(clock))
        .map(Map.Entry::getKey).toList();
    assertThat(readers).containsExactly("vn.danvan.sla.EngineClock");
  }

  @Test
  void findsAnInternalUseWrittenWithoutImportInANestedClassOrLambda() throws IOException {
    Path classes = classesDir(EngineInternalsTest.class);
    Path self = classes.resolve(EngineInternalsTest.class.getName().replace('.', '/') + "$UsesInternals.class");
    Map<String, Set<String>> uses = implUses(List.of(self));
    assertThat(uses).containsOnlyKeys(EngineInternalsTest.class.getName());
    assertThat(uses.get(EngineInternalsTest.class.getName()))
        .contains(Context.class.getName())
        .doesNotContain(Authentication.class.getName())
        .noneMatch(type -> type.startsWith(ROOT + ".engine.impl.fake"));
  }

  /** A sample for the scanner: a fully qualified use in a lambda, a public-signature type, a string literal. */
  static class UsesInternals {
    Runnable sample(org.camunda.bpm.engine.IdentityService identity) {
      return () -> {
        org.camunda.bpm.engine.impl.context.Context.getCommandContext();
        identity.getCurrentAuthentication().getUserId();
        System.out.println("org/camunda/bpm/engine/impl/fake/NotAType");
      };
    }
  }

  // ---------------------------------------------------------------- scanning

  private static List<Path> mainClasses() throws IOException {
    Path root = classesDir(DanvanApplication.class);
    try (Stream<Path> files = Files.walk(root)) {
      List<Path> classes = files.filter(f -> f.toString().endsWith(".class")).toList();
      assertThat(classes).as("compiled main classes under " + root).hasSizeGreaterThan(100);
      return classes;
    }
  }

  private static Path classesDir(Class<?> type) {
    try {
      return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Top-level class name → the impl types its class files (nested ones included) name, public-signature ones left out. */
  static Map<String, Set<String>> implUses(List<Path> classFiles) throws IOException {
    Map<String, Set<String>> uses = new TreeMap<>();
    for (Path file : classFiles) {
      Set<String> found = new TreeSet<>();
      for (String text : typeTexts(file)) {
        Matcher m = IMPL_TYPE.matcher(text);
        while (m.find()) {
          String type = m.group().replace('/', '.').replaceAll("\\$.*", "");
          if (!PUBLIC_SIGNATURE_TYPES.contains(type)) {
            found.add(type);
          }
        }
      }
      if (!found.isEmpty()) {
        uses.computeIfAbsent(topLevelName(file), k -> new TreeSet<>()).addAll(found);
      }
    }
    return uses;
  }

  private static String topLevelName(Path classFile) throws IOException {
    try (DataInputStream in = open(classFile)) {
      ConstantPool pool = ConstantPool.read(in);
      in.readUnsignedShort(); // access flags
      String name = pool.className(in.readUnsignedShort());
      return name.replace('/', '.').replaceAll("\\$.*", "");
    }
  }

  /** The constant pool's texts, less those that are string literals. */
  private static List<String> typeTexts(Path classFile) throws IOException {
    try (DataInputStream in = open(classFile)) {
      return ConstantPool.read(in).nonLiteralTexts();
    }
  }

  private static DataInputStream open(Path file) throws IOException {
    InputStream raw = Files.newInputStream(file);
    DataInputStream in = new DataInputStream(new BufferedInputStream(raw));
    if (in.readInt() != 0xCAFEBABE) {
      in.close();
      throw new IOException("Not a class file: " + file);
    }
    in.readUnsignedShort(); // minor
    in.readUnsignedShort(); // major
    return in;
  }

  /** Just enough of the JVM class file format (JVMS §4.4) to read a constant pool. */
  private record ConstantPool(String[] utf8, int[] classNameIndex, Set<Integer> literalIndexes) {

    static ConstantPool read(DataInputStream in) throws IOException {
      int count = in.readUnsignedShort();
      String[] utf8 = new String[count];
      int[] classNameIndex = new int[count];
      Set<Integer> literals = new TreeSet<>();
      for (int i = 1; i < count; i++) {
        int tag = in.readUnsignedByte();
        switch (tag) {
          case 1 -> utf8[i] = in.readUTF();
          case 7 -> classNameIndex[i] = in.readUnsignedShort();
          case 8 -> literals.add(in.readUnsignedShort());
          case 16, 19, 20 -> in.readUnsignedShort();
          case 15 -> in.skipNBytes(3);
          case 3, 4, 9, 10, 11, 12, 17, 18 -> in.skipNBytes(4);
          case 5, 6 -> {
            in.skipNBytes(8);
            i++; // takes two entries
          }
          default -> throw new IOException("Unknown constant pool tag " + tag);
        }
      }
      return new ConstantPool(utf8, classNameIndex, literals);
    }

    String className(int classIndex) {
      return utf8[classNameIndex[classIndex]];
    }

    List<String> nonLiteralTexts() {
      List<String> texts = new ArrayList<>();
      for (int i = 1; i < utf8.length; i++) {
        if (utf8[i] != null && !literalIndexes.contains(i)) {
          texts.add(utf8[i]);
        }
      }
      return texts;
    }
  }
}
