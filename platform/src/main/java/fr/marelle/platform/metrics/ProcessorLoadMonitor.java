package fr.marelle.platform.metrics;

import io.micrometer.core.instrument.Clock;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.monitoring.MessageMonitor;

import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * An event processor's latency and capacity, under Axon's names ({@code eventProcessor.latency} in milliseconds,
 * {@code eventProcessor.capacity}, tagged {@code processorName}), from two gauges registered once: the latency is
 * the age of the last event handled when it arrived; the capacity is the share of the time spent handling events
 * since the gauge was last read (1 = one thread busy all the time).
 *
 * <p>Axon's own monitors register their gauge again on every message (and log each double registration) and keep
 * a sliding window of samples: most of an event processor's monitoring time.
 */
final class ProcessorLoadMonitor implements MessageMonitor<EventMessage<?>> {

    private final Clock clock;
    private final AtomicLong latencyMillis = new AtomicLong();
    private final LongAdder busyNanos = new LongAdder();
    private long readBusyNanos;
    private long readAt;

    ProcessorLoadMonitor(String prefix, MeterRegistry registry, Tags processor) {
        this.clock = registry.config().clock();
        this.readAt = clock.monotonicTime();
        Gauge.builder(prefix + ".latency", latencyMillis, AtomicLong::get).tags(processor).baseUnit("milliseconds")
                .register(registry);
        Gauge.builder(prefix + ".capacity", this, ProcessorLoadMonitor::capacitySinceLastRead).tags(processor)
                .register(registry);
    }

    @Override
    public MonitorCallback onMessageIngested(EventMessage<?> message) {
        latencyMillis.set(Math.max(0, clock.wallTime() - message.getTimestamp().toEpochMilli()));
        long start = clock.monotonicTime();
        Runnable busy = () -> busyNanos.add(clock.monotonicTime() - start);
        return new MonitorCallback() {
            @Override
            public void reportSuccess() {
                busy.run();
            }

            @Override
            public void reportFailure(Throwable cause) {
                busy.run();
            }

            @Override
            public void reportIgnored() {
                busy.run();
            }
        };
    }

    private synchronized double capacitySinceLastRead() {
        long now = clock.monotonicTime();
        long busy = busyNanos.sum();
        long elapsed = now - readAt;
        double capacity = elapsed <= 0 ? 0 : (double) (busy - readBusyNanos) / elapsed;
        readAt = now;
        readBusyNanos = busy;
        return capacity;
    }
}
