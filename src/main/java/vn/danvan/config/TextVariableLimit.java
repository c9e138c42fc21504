package vn.danvan.config;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.variable.serializer.StringValueSerializer;
import org.camunda.bpm.engine.impl.variable.serializer.TypedValueSerializer;
import org.camunda.bpm.engine.impl.variable.serializer.ValueFields;
import org.camunda.bpm.engine.variable.value.StringValue;
import org.springframework.stereotype.Component;

/**
 * A string variable longer than its database column ({@code TEXT_}, 4000 characters in every
 * supported database) is refused when it is set, with a 400 naming the variable, for every way in
 * (engine REST, Tasklist, delegates). Without this the engine only finds out when it flushes: the
 * database refuses the statement, the REST API answers 500 and the error (with the value) is logged.
 *
 * <p>Camunda has no public hook for this: the only place that sees every variable's name and value
 * before the flush is its string serializer, an engine implementation class. It is replaced here, and
 * only here, by one that checks the length first.
 */
@Component
class TextVariableLimit extends AbstractProcessEnginePlugin {

  /** Characters of {@code ACT_RU_VARIABLE.TEXT_} and {@code ACT_HI_VARINST.TEXT_}. */
  static final int MAX_CHARACTERS = 4000;

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    List<TypedValueSerializer> serializers = new ArrayList<>();
    serializers.add(new BoundedStringSerializer());
    if (configuration.getCustomPreVariableSerializers() != null) {
      serializers.addAll(configuration.getCustomPreVariableSerializers());
    }
    configuration.setCustomPreVariableSerializers(serializers);
  }

  /** Camunda's string serializer (same name, so stored values read as before) with the length check. */
  static final class BoundedStringSerializer extends StringValueSerializer {

    @Override
    public void writeValue(StringValue variableValue, ValueFields valueFields) {
      String value = variableValue.getValue();
      if (value != null && value.length() > MAX_CHARACTERS && value.codePointCount(0, value.length()) > MAX_CHARACTERS) {
        // The message names the variable and the length, never the value.
        throw new BadUserRequestException("Variable '" + valueFields.getName() + "' is too long: "
            + value.codePointCount(0, value.length()) + " characters, at most " + MAX_CHARACTERS);
      }
      super.writeValue(variableValue, valueFields);
    }
  }
}
