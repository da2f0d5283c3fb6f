package fr.marelle.platform;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.boot.env.PropertiesPropertySourceLoader;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.ClassPathResource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * Settings every Marelle application shares (Axon Server off, Jackson everywhere, four actuator endpoints,
 * Flyway ownership of the schema, Kafka location), added with the lowest precedence so a service's own
 * configuration and the environment still win. Also switches Axon's vendor update check off, whatever the entry
 * point.
 */
public class PlatformDefaults implements EnvironmentPostProcessor, Ordered {

    static final String RESOURCE = "marelle-platform-defaults.properties";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        MarelleApplication.disableVendorCalls();
        try {
            List<PropertySource<?>> sources = new PropertiesPropertySourceLoader()
                    .load("marelle-platform-defaults", new ClassPathResource(RESOURCE));
            sources.forEach(environment.getPropertySources()::addLast);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}
