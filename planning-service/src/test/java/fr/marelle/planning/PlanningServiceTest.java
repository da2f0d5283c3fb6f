package fr.marelle.planning;

import fr.marelle.platform.test.MarelleServiceTest;
import org.springframework.context.annotation.Import;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** planning-service started whole, with a clock the tests set: every test class shares this one context. */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@MarelleServiceTest
@Import(TestClock.Configuration.class)
public @interface PlanningServiceTest {
}
