package vn.danvan.deployment;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a Spring bean class whose public methods process models may call in expressions, such as
 * {@code ${workCalendar.plusWorkingDays(now(), 3)}}. Only these beans, and the project's own
 * delegates and listeners (see {@link ExposedBeans}), are visible to the engine's expressions and
 * pass the deployment guard; every other Spring bean stays out of reach of a diagram.
 *
 * <p>Put it only on small facades written for modelling: every public method becomes callable by
 * whoever may deploy a diagram.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface ModellingBean {}
