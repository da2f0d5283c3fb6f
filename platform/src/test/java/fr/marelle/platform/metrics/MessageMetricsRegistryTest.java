package fr.marelle.platform.metrics;

import io.micrometer.core.instrument.MockClock;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.simple.SimpleConfig;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.messaging.Message;
import org.axonframework.monitoring.MessageMonitor;
import org.axonframework.monitoring.MessageMonitor.MonitorCallback;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class MessageMetricsRegistryTest {

    record OpenFile(String id) {
    }

    record CloseFile(String id) {
    }

    private final MockClock clock = new MockClock();
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry(SimpleConfig.DEFAULT, clock);
    private final MessageMetricsRegistry registry = new MessageMetricsRegistry(meters);

    @SuppressWarnings("unchecked")
    private MessageMonitor<Message<?>> monitorOf(Class<?> componentType, String name) {
        return (MessageMonitor<Message<?>>) registry.registerComponentWithDefaultTags(componentType, name);
    }

    @Test
    void commands_are_counted_and_timed_per_payload_type_under_axons_dimensional_names() {
        MessageMonitor<Message<?>> commandBus = monitorOf(CommandBus.class, "commandBus");

        MonitorCallback first = commandBus.onMessageIngested(GenericCommandMessage.asCommandMessage(new OpenFile("a")));
        clock.add(Duration.ofMillis(30));
        first.reportSuccess();
        commandBus.onMessageIngested(GenericCommandMessage.asCommandMessage(new OpenFile("b")))
                .reportFailure(new IllegalStateException("refused"));
        commandBus.onMessageIngested(GenericCommandMessage.asCommandMessage(new CloseFile("a"))).reportIgnored();

        Tags open = Tags.of("payloadType", "OpenFile");
        assertThat(meters.get("commandBus.ingestedCounter").tags(open).counter().count()).isEqualTo(2);
        assertThat(meters.get("commandBus.successCounter").tags(open).counter().count()).isEqualTo(1);
        assertThat(meters.get("commandBus.failureCounter").tags(open).counter().count()).isEqualTo(1);
        assertThat(meters.get("commandBus.processedCounter").tags(open).counter().count()).isEqualTo(2);
        assertThat(meters.get("commandBus.allTimer").tags(open).timer().count()).isEqualTo(2);
        assertThat(meters.get("commandBus.successTimer").tags(open).timer().totalTime(TimeUnit.MILLISECONDS))
                .isEqualTo(30);
        assertThat(meters.get("commandBus.failureTimer").tags(open).timer().count()).isEqualTo(1);
        Tags close = Tags.of("payloadType", "CloseFile");
        assertThat(meters.get("commandBus.ignoredCounter").tags(close).counter().count()).isEqualTo(1);
        assertThat(meters.get("commandBus.ignoredTimer").tags(close).timer().count()).isEqualTo(1);
        assertThat(meters.get("commandBus.successCounter").tags(close).counter().count()).isZero();
    }

    @Test
    void a_payload_types_meters_are_registered_on_its_first_message_only() {
        MessageMonitor<Message<?>> commandBus = monitorOf(CommandBus.class, "commandBus");
        commandBus.onMessageIngested(GenericCommandMessage.asCommandMessage(new OpenFile("a"))).reportSuccess();
        int afterFirst = meters.getMeters().size();

        for (int i = 0; i < 100; i++) {
            commandBus.onMessageIngested(GenericCommandMessage.asCommandMessage(new OpenFile("x" + i))).reportSuccess();
        }

        assertThat(afterFirst).isEqualTo(9); // five counters and four timers
        assertThat(meters.getMeters()).hasSize(afterFirst);
        assertThat(meters.get("commandBus.successCounter").counter().count()).isEqualTo(101);
    }

    @Test
    void event_processors_are_counted_per_payload_type_and_processor() {
        MessageMonitor<Message<?>> processor = monitorOf(EventProcessor.class, "wallet-projection");

        processor.onMessageIngested(GenericEventMessage.asEventMessage(new OpenFile("a"))).reportSuccess();

        Tags tags = Tags.of("processorName", "wallet-projection", "payloadType", "OpenFile");
        assertThat(meters.get("eventProcessor.successCounter").tags(tags).counter().count()).isEqualTo(1);
        assertThat(meters.get("eventProcessor.allTimer").tags(tags).timer().count()).isEqualTo(1);
    }

    @Test
    void an_event_processors_latency_is_the_age_of_its_last_event_and_its_capacity_the_share_of_time_it_was_busy() {
        MessageMonitor<Message<?>> processor = monitorOf(EventProcessor.class, "wallet-projection");
        clock.add(Duration.ofSeconds(10));

        MonitorCallback handling = processor.onMessageIngested(new GenericEventMessage<>("e1", new OpenFile("a"),
                Map.of(), Instant.ofEpochMilli(clock.wallTime() - 4_000)));
        clock.add(Duration.ofMillis(300));
        handling.reportSuccess();
        clock.add(Duration.ofMillis(700));

        assertThat(meters.get("eventProcessor.latency").tag("processorName", "wallet-projection").gauge().value())
                .isEqualTo(4_000);
        // 300 ms busy in the 11 s since the processor's monitor was made, then none in the next second
        assertThat(meters.get("eventProcessor.capacity").tag("processorName", "wallet-projection").gauge().value())
                .isCloseTo(300.0 / 11_000, within(1e-9));
        clock.add(Duration.ofSeconds(1));
        assertThat(meters.get("eventProcessor.capacity").tag("processorName", "wallet-projection").gauge().value())
                .isZero();
    }

    @Test
    void an_event_processors_gauges_are_registered_once() {
        MessageMonitor<Message<?>> processor = monitorOf(EventProcessor.class, "wallet-projection");
        processor.onMessageIngested(GenericEventMessage.asEventMessage(new OpenFile("a"))).reportSuccess();
        int afterFirst = meters.getMeters().size();

        for (int i = 0; i < 50; i++) {
            processor.onMessageIngested(GenericEventMessage.asEventMessage(new OpenFile("x" + i))).reportIgnored();
        }

        assertThat(meters.getMeters()).hasSize(afterFirst);
        assertThat(meters.find("eventProcessor.latency").gauges()).hasSize(1);
        assertThat(meters.find("eventProcessor.capacity").gauges()).hasSize(1);
    }
}
