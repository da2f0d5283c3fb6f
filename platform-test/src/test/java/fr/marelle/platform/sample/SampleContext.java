package fr.marelle.platform.sample;

import fr.marelle.platform.test.MarelleTestInitializer;
import fr.marelle.platform.test.ServiceApi;
import fr.marelle.platform.test.TestDatabases;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import java.util.HashMap;
import java.util.Map;

/** The sample service started by hand, for tests that control its Kafka broker or its timeouts. */
final class SampleContext implements AutoCloseable {

    final ConfigurableApplicationContext context;

    SampleContext(String kafka, Map<String, Object> overrides) {
        Map<String, Object> properties = new HashMap<>(MarelleTestInitializer.properties("sample",
                TestDatabases.create("sample"), kafka));
        properties.put("server.port", "0");
        properties.putAll(overrides);
        context = new SpringApplicationBuilder(SampleApplication.class).properties(properties).run();
    }

    <T> T bean(Class<T> type) {
        return context.getBean(type);
    }

    ServiceApi api() {
        return new ServiceApi(Integer.parseInt(context.getEnvironment().getRequiredProperty("local.server.port")));
    }

    @Override
    public void close() {
        context.close();
    }
}
