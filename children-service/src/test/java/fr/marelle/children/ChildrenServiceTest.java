package fr.marelle.children;

import fr.marelle.platform.test.MarelleTestInitializer;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ContextConfiguration;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * children-service whole, on its own database and the JVM's broker, with a clamd on loopback scanning every upload
 * and a clock the tests move. One Spring context for every test class annotated so.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@AutoConfigureObservability
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "marelle.children.requirements.initial-delay=1h")
@ContextConfiguration(initializers = {MarelleTestInitializer.class, ChildrenTestInitializer.class})
@Import(TestClock.Configuration.class)
public @interface ChildrenServiceTest {
}
