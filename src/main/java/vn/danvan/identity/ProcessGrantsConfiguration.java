package vn.danvan.identity;

import java.nio.file.Path;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The grants model in force: the bundled {@code security/process-grants.yaml}, extended or overridden
 * per process key by the operator's file {@code danvan.security.process-grants-file}
 * ({@code DANVAN_PROCESS_GRANTS_FILE}), one instance for the seeded authorizations and the task guard.
 */
@Configuration
class ProcessGrantsConfiguration {

  @Bean
  ProcessGrants processGrants(@Value("${danvan.security.process-grants-file:}") String operatorFile) {
    return ProcessGrants.load(operatorFile.isBlank() ? null : Path.of(operatorFile));
  }
}
