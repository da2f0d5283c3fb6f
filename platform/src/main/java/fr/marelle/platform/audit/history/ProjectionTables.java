package fr.marelle.platform.audit.history;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The tables a projection (a bean with {@code @ProcessingGroup}) alone owns. Declaring them lets the audit console
 * rebuild the read model from the events into a fresh copy and compare it with the live one.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
public @interface ProjectionTables {

    String[] value();
}
