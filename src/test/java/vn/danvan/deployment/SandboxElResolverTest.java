package vn.danvan.deployment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.mockito.Mockito;
import org.springframework.context.support.StaticApplicationContext;

/**
 * The runtime sandbox on real JUEL evaluation (the engine's expression factory and resolvers, no
 * engine): reflection and dangerous objects are refused whatever the expression looks like.
 */
class SandboxElResolverTest {

  @TempDir Path dir;

  /** An exposed bean, standing in for workCalendar. */
  public static class Calendar {
    public int plus(int a, int b) {
      return a + b;
    }
  }

  private final Map<Object, Object> beans = new HashMap<>(Map.of("calendar", new Calendar()));
  private final SandboxExpressionManager manager = new SandboxExpressionManager(new StaticApplicationContext(), beans);

  private Object eval(String expression, VariableMap variables) {
    return manager.createValueExpression(expression).getValue(manager.createElContext(variables.asVariableContext()));
  }

  @Test
  void reflectionFromALiteralIsRefusedAndRunsNothing() {
    Path marker = dir.resolve("marker");
    String exploit = "${''.getClass().forName('java.lang.Runtime').getMethod('getRuntime').invoke(null)"
        + ".exec('touch " + marker + "')}";
    assertThatThrownBy(() -> eval(exploit, Variables.createVariables()))
        .hasMessageContaining("Refused by the expression sandbox").hasMessageContaining("getClass");
    assertThat(Files.exists(marker)).isFalse();
  }

  @ParameterizedTest
  @ValueSource(strings = {"${calendar.getClass()}", "${calendar.class}", "${text.class.classLoader}",
      "${type.name}", "${type.getMethods()}", "${runtime.availableProcessors()}", "${engine.identityService}",
      "${execution.processEngineServices}", "${execution.getProcessEngine()}", "${execution.bpmnModelInstance}",
      "${map['class']}", "${thread.name}"})
  void refuses(String expression) {
    VariableMap variables = Variables.createVariables()
        .putValue("text", "abc").putValue("type", String.class).putValue("runtime", Runtime.getRuntime())
        .putValue("engine", Mockito.mock(ProcessEngine.class)).putValue("execution", Mockito.mock(DelegateExecution.class))
        .putValue("map", new HashMap<>(Map.of("class", "x"))).putValue("thread", Thread.currentThread());
    assertThatThrownBy(() -> eval(expression, variables)).as(expression)
        .hasMessageContaining("Refused by the expression sandbox");
  }

  @Test
  void allowsWhatModelsDo() {
    DelegateExecution execution = Mockito.mock(DelegateExecution.class);
    Mockito.when(execution.getVariable("x")).thenReturn(41);
    VariableMap variables = Variables.createVariables().putValue("execution", execution).putValue("n", 2);
    assertThat(eval("${calendar.plus(n, 3)}", variables)).isEqualTo(5);
    assertThat(eval("${execution.getVariable('x') + 1}", variables)).isEqualTo(42L);
    assertThat(eval("${n > 1 ? 'many' : 'one'}", variables)).isEqualTo("many");
  }

  @Test
  void seesOnlyTheExposedBeans() {
    StaticApplicationContext context = new StaticApplicationContext();
    context.registerSingleton("jdbcTemplate", Calendar.class);
    context.refresh();
    SandboxExpressionManager onlyExposed = new SandboxExpressionManager(context, beans);
    assertThatThrownBy(() -> onlyExposed.createValueExpression("${jdbcTemplate.plus(1, 2)}")
        .getValue(onlyExposed.createElContext(Variables.createVariables().asVariableContext())))
        .hasMessageContaining("jdbcTemplate");
    // (Object): jakarta.el's getValue is generic on Operaton, which would make assertThat ambiguous.
    Object sum = onlyExposed.createValueExpression("${calendar.plus(1, 2)}")
        .getValue(onlyExposed.createElContext(Variables.createVariables().asVariableContext()));
    assertThat(sum).isEqualTo(3);
  }

  /**
   * A name that names no class guards nothing, silently: every dangerous type must exist in the
   * engine this build targets (the engine's names follow its package, Camunda's or Operaton's).
   */
  @Test
  void everyDangerousTypeNamesAClassOfThisBuild() throws ClassNotFoundException {
    for (String name : SandboxElResolver.DANGEROUS_TYPES) {
      Class<?> type = Class.forName(name, false, getClass().getClassLoader());
      assertThat(SandboxElResolver.isDangerous(type)).as(name).isTrue();
    }
    assertThat(SandboxElResolver.DANGEROUS_TYPES).contains(ProcessEngine.class.getName(),
        ProcessEngine.class.getPackageName() + ".impl.interceptor.CommandContext");
  }
}
