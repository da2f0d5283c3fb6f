package fr.marelle.notification;

import org.axonframework.eventhandling.GenericEventMessage;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactory;
import org.springframework.test.context.MergedContextConfiguration;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.List;

/**
 * The time of every test context of the module: real time, moved forward to the town's daytime when the context
 * starts (so that SMS are never deferred by the night rule because a test happens to run in the evening), and moved
 * forward again by the tests of the night rule. It only ever moves forward, as real time does: messages due "now"
 * stay due. Axon's event timestamps follow it too.
 */
public final class TestClock extends Clock {

    public static final ZoneId TOWN = ZoneId.of("Europe/Paris");
    public static final LocalTime DAYTIME = LocalTime.of(10, 0);
    private static final TestClock INSTANCE = new TestClock();

    private volatile Duration offset = Duration.ZERO;

    private TestClock() {
        shiftToNext(DAYTIME);
        GenericEventMessage.clock = this;
    }

    public static TestClock get() {
        return INSTANCE;
    }

    /** Moves forward to the next time the town's clocks show {@code time} (today's if still to come). */
    public synchronized Instant shiftToNext(LocalTime time) {
        Instant now = instant();
        ZonedDateTime local = now.atZone(TOWN);
        ZonedDateTime target = local.with(time);
        if (!target.toInstant().isAfter(now)) {
            target = target.plusDays(1).with(time);
        }
        offset = offset.plus(Duration.between(now, target.toInstant()));
        return target.toInstant();
    }

    /** Moves forward to the next day at the given time. */
    public synchronized Instant shiftToTomorrow(LocalTime time) {
        Instant now = instant();
        Instant target = now.atZone(TOWN).toLocalDate().plusDays(1).atTime(time).atZone(TOWN).toInstant();
        offset = offset.plus(Duration.between(now, target));
        return target;
    }

    /** The town's clocks, now. */
    public ZonedDateTime townTime() {
        return instant().atZone(TOWN);
    }

    @Override
    public Instant instant() {
        return Instant.now().plus(offset);
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return Clock.offset(Clock.system(zone), offset);
    }

    /** Registers the clock in every test context (the same for all: contexts stay shared). */
    public static class CustomizerFactory implements ContextCustomizerFactory {

        @Override
        public ContextCustomizer createContextCustomizer(Class<?> testClass,
                                                         List<ContextConfigurationAttributes> configAttributes) {
            return new Customizer();
        }
    }

    static final class Customizer implements ContextCustomizer {

        @Override
        public void customizeContext(ConfigurableApplicationContext context, MergedContextConfiguration config) {
            context.getBeanFactory().registerSingleton("testClock", INSTANCE);
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Customizer;
        }

        @Override
        public int hashCode() {
            return Customizer.class.hashCode();
        }
    }
}
