package vn.danvan.config;

import org.camunda.bpm.spring.boot.starter.rest.CamundaJerseyResourceConfig;
import org.springframework.stereotype.Component;

/** Camunda's REST resources, plus our mapping of unit-scoped refusals (see {@link UnitScopedExceptionMapper}). */
@Component
class RestApiConfiguration extends CamundaJerseyResourceConfig {

  @Override
  protected void registerAdditionalResources() {
    register(UnitScopedExceptionMapper.ForEngineExceptions.class);
    register(UnitScopedExceptionMapper.ForRestExceptions.class);
  }
}
