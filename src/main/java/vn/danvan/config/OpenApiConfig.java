package vn.danvan.config;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Title and security scheme of the OpenAPI document that describes our API ({@code /v3/api-docs}). */
@Configuration
class OpenApiConfig {

  @Bean
  OpenAPI danvanOpenApi() {
    return new OpenAPI()
        .info(new Info().title("danvan API").version("1")
            .description("Working-day calendar, procedure catalogue, dossiers, documents and signatures. "
                + "HTTP Basic with a Camunda user; /api/public/** and /api/signatures/verify need no login. "
                + "Errors are JSON objects with 'error' and 'field', status 4xx.")
            .license(new License().name("Apache-2.0")))
        .components(new Components().addSecuritySchemes("basic",
            new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("basic")))
        .addSecurityItem(new SecurityRequirement().addList("basic"));
  }
}
