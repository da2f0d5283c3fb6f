package fr.marelle.platform.metrics;

import io.micrometer.core.instrument.Clock;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import org.axonframework.messaging.Message;
import org.axonframework.monitoring.MessageMonitor;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.TimeUnit;

/**
 * Counts and times the messages of one Axon component (the command bus, the event store, an event processor) per
 * payload type, under the meter names and tags of Axon's dimensional monitors: {@code <prefix>.ingestedCounter},
 * {@code .successCounter}, {@code .failureCounter}, {@code .ignoredCounter}, {@code .processedCounter} and
 * {@code <prefix>.allTimer}, {@code .successTimer}, {@code .failureTimer}, {@code .ignoredTimer}, tagged
 * {@code payloadType} (the payload's simple class name) and the component's own tags.
 *
 * <p>Axon's own monitors look each meter up in the registry for every message (building its id, tags and
 * distribution config each time), and keep client-side percentiles on every timer: about a third of the JVM's time
 * on a one-event command was spent there. Here a payload type's meters are registered once, on its first message,
 * and then only recorded; timers keep count, total and maximum (percentiles are the monitoring server's job).
 */
final class PayloadTypeMonitor implements MessageMonitor<Message<?>> {

    static final String PAYLOAD_TYPE_TAG = "payloadType";

    private final String prefix;
    private final MeterRegistry registry;
    private final Tags componentTags;
    private final Clock clock;
    private final ConcurrentMap<Class<?>, Meters> meters = new ConcurrentHashMap<>();

    PayloadTypeMonitor(String prefix, MeterRegistry registry, Tags componentTags) {
        this.prefix = prefix;
        this.registry = registry;
        this.componentTags = componentTags;
        this.clock = registry.config().clock();
    }

    @Override
    public MonitorCallback onMessageIngested(Message<?> message) {
        Class<?> payloadType = message.getPayloadType();
        Meters of = meters.get(payloadType);
        if (of == null) {
            of = meters.computeIfAbsent(payloadType, this::register);
        }
        of.ingested.increment();
        return new Callback(of, clock.monotonicTime());
    }

    private Meters register(Class<?> payloadType) {
        Tags tags = componentTags.and(PAYLOAD_TYPE_TAG, payloadType.getSimpleName());
        return new Meters(counter("ingestedCounter", tags), counter("successCounter", tags),
                counter("failureCounter", tags), counter("ignoredCounter", tags), counter("processedCounter", tags),
                timer("allTimer", tags), timer("successTimer", tags), timer("failureTimer", tags),
                timer("ignoredTimer", tags));
    }

    private Counter counter(String name, Tags tags) {
        return Counter.builder(prefix + "." + name).tags(tags).register(registry);
    }

    private Timer timer(String name, Tags tags) {
        return Timer.builder(prefix + "." + name).tags(tags).register(registry);
    }

    private record Meters(Counter ingested, Counter success, Counter failure, Counter ignored, Counter processed,
                          Timer all, Timer successTimer, Timer failureTimer, Timer ignoredTimer) {
    }

    private final class Callback implements MonitorCallback {

        private final Meters of;
        private final long start;

        Callback(Meters of, long start) {
            this.of = of;
            this.start = start;
        }

        @Override
        public void reportSuccess() {
            record(of.successTimer, of.success);
        }

        @Override
        public void reportFailure(Throwable cause) {
            record(of.failureTimer, of.failure);
        }

        @Override
        public void reportIgnored() {
            record(of.ignoredTimer, of.ignored);
        }

        private void record(Timer outcomeTimer, Counter outcomeCounter) {
            long took = clock.monotonicTime() - start;
            of.all.record(took, TimeUnit.NANOSECONDS);
            outcomeTimer.record(took, TimeUnit.NANOSECONDS);
            outcomeCounter.increment();
            of.processed.increment();
        }
    }
}
