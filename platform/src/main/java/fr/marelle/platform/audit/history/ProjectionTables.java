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

    /**
     * Tables of other read models the projection's handlers read (reference data). A rebuild gets a copy of them with
     * their current rows, so that its handlers never see, nor write, the live ones.
     */
    String[] reads() default {};
}
