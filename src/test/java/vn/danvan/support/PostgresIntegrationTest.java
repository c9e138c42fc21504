package vn.danvan.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.ContextConfiguration;

/**
 * The whole application on a real PostgreSQL (the demo profile with {@code DANVAN_DB_URL} pointing
 * at the tests' server) with the demo identity, served on a random port. All classes with this annotation share one Spring context.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    // Demo signing keys are generated once per build under target/, not in the developer's ./data.
    // The notification dispatcher is driven by the tests that need it (NotificationDispatcher.dispatchDue()).
    properties = {"camunda.bpm.job-execution.enabled=false", "danvan.signing.keystore-dir=target/demo-signing",
        "danvan.notify.dispatch.enabled=false",
        // Many verifications from one address (127.0.0.1) in one context; the limit itself: PublicRateLimitIT.
        "danvan.public.rate-limit.verify-per-minute=1000",
        // Probe processes the tests deploy, granted by an operator's file as a new process would be.
        "danvan.security.process-grants-file=src/test/resources/security/test-process-grants.yaml"})
@ActiveProfiles("demo")
@ContextConfiguration(initializers = PostgresContextInitializer.class)
public @interface PostgresIntegrationTest {}
