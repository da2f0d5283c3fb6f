package fr.marelle.platform.sample;

import fr.marelle.platform.audit.Actor;
import fr.marelle.platform.audit.ActorContext;
import fr.marelle.platform.audit.Role;
import fr.marelle.platform.test.TestKafka;
import fr.marelle.platform.timeout.TimeLimitInterceptor;
import fr.marelle.platform.timeout.TimeLimits;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.common.Registration;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.messaging.GenericMessage;
import org.axonframework.messaging.timeout.AxonTimeoutException;
import org.axonframework.messaging.timeout.UnitOfWorkTimeoutInterceptor;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The platform's time limits replace Axon's in a service: a command past the command bus's configured timeout
 * ({@code axon.timeout.transaction.command-bus.timeout-ms}) fails with Axon's timeout exception, and the event
 * processors carry the platform's interceptor, not Axon's.
 */
class TimeLimitsWiringTest {

    static SampleContext sample;

    @BeforeAll
    static void start() {
        sample = new SampleContext(TestKafka.bootstrapServers(), Map.of(
                "axon.timeout.transaction.command-bus.timeout-ms", "300",
                "axon.timeout.transaction.command-bus.warning-threshold-ms", "-1",
                "marelle.time-limits.tick", "20ms"));
    }

    @AfterAll
    static void stop() {
        sample.close();
    }

    @Test
    void a_command_past_the_command_bus_timeout_is_interrupted_and_fails_with_a_timeout() {
        Registration slow = sample.bean(CommandBus.class).subscribe("slow", message -> {
            Thread.sleep(10_000);
            return "too late";
        });
        try {
            long start = System.nanoTime();
            assertThatThrownBy(() -> ActorContext.runAs(new Actor("staff", Role.ADMIN, null, null), "slow",
                    () -> sample.bean(CommandGateway.class).sendAndWait(
                            new GenericCommandMessage<>(new GenericMessage<>("work"), "slow"))))
                    .isInstanceOf(AxonTimeoutException.class)
                    .hasMessageContaining("has exceeded its timeout of 300 ms");
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
            assertThat(sample.bean(TimeLimits.class).running()).isZero();
        } finally {
            slow.cancel();
        }
    }

    @Test
    void event_processors_carry_the_platforms_time_limit_and_not_axons() {
        EventProcessor notes = sample.bean(EventProcessingConfiguration.class).eventProcessor("notes").orElseThrow();
        assertThat(notes.getHandlerInterceptors()).hasAtLeastOneElementOfType(TimeLimitInterceptor.class)
                .doesNotHaveAnyElementsOfTypes(UnitOfWorkTimeoutInterceptor.class);
    }
}
