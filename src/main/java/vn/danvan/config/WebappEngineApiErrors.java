package vn.danvan.config;

import org.apache.catalina.Container;
import org.apache.catalina.Wrapper;
import org.glassfish.jersey.server.ServerProperties;
import org.springframework.boot.web.embedded.tomcat.TomcatContextCustomizer;
import org.springframework.stereotype.Component;

/**
 * Gives the webapps' engine API ({@code /camunda/api/engine/…}, what Tasklist and Cockpit call) the
 * same error mapping as {@code /engine-rest} ({@link UnitScopedExceptionMapper}): a case of another
 * unit answers the same 404 as an unknown id, a client's bad value a 400, instead of Camunda's 500
 * that tells the caller the case exists.
 *
 * <p>That API is Camunda's own JAX-RS application ({@code EngineRestApplication}, servlet
 * {@value #ENGINE_API_SERVLET}, added by the starter's webapp initializer), which takes no extra
 * resources; Jersey adds the providers named in the servlet's
 * {@code jersey.config.server.provider.classnames} init parameter to any application. The servlet
 * API only lets the initializer that adds a servlet configure it, so the parameter is set by the
 * embedded Tomcat the moment the servlet is added to the context.
 */
@Component
class WebappEngineApiErrors implements TomcatContextCustomizer {

  static final String ENGINE_API_SERVLET = "Engine Api";

  @Override
  public void customize(org.apache.catalina.Context context) {
    context.addContainerListener(event -> {
      if (Container.ADD_CHILD_EVENT.equals(event.getType()) && event.getData() instanceof Wrapper servlet
          && ENGINE_API_SERVLET.equals(servlet.getName())) {
        servlet.addInitParameter(ServerProperties.PROVIDER_CLASSNAMES, String.join(",",
            UnitScopedExceptionMapper.ForEngineExceptions.class.getName(),
            UnitScopedExceptionMapper.ForRestExceptions.class.getName()));
      }
    });
  }
}
