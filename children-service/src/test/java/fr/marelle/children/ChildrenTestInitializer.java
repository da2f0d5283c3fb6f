package fr.marelle.children;

import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

import java.util.Map;

/** Every upload of the test service is scanned by the fake clamd of this JVM. */
public class ChildrenTestInitializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    public static final FakeClamd CLAMD = FakeClamd.onFreePort();

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("children-test", Map.of(
                "marelle.children.clamd.host", "127.0.0.1",
                "marelle.children.clamd.port", Integer.toString(CLAMD.port()),
                "marelle.children.clamd.timeout", "3s")));
    }
}
