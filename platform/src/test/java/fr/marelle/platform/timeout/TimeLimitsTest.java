package fr.marelle.platform.timeout;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.messaging.DefaultInterceptorChain;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.MessageHandler;
import org.axonframework.messaging.ResultMessage;
import org.axonframework.messaging.timeout.AxonTimeoutException;
import org.axonframework.messaging.timeout.TaskTimeoutSettings;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The platform's time limits on units of work: past its timeout a unit of work is interrupted and fails with Axon's
 * timeout exception, even when its handler swallows the interruption; warnings start at the threshold and come back
 * every interval with the thread's stack; nothing stays watched after a commit or a rollback; interruptions from
 * elsewhere are not taken for timeouts.
 */
class TimeLimitsTest {

    private final TimeLimits limits = new TimeLimits(Duration.ofMillis(20));
    private final ListAppender<ILoggingEvent> logged = new ListAppender<>();
    private final Logger logger = (Logger) LoggerFactory.getLogger(TimeLimits.class);

    @BeforeEach
    void captureLogs() {
        logged.start();
        logger.addAppender(logged);
        logger.setLevel(Level.WARN);
    }

    @AfterEach
    void stop() {
        logger.detachAppender(logged);
        limits.close();
        Thread.interrupted(); // never leave the test thread interrupted
    }

    private ResultMessage<?> handle(TaskTimeoutSettings limit, MessageHandler<Message<?>> handler) throws Exception {
        DefaultUnitOfWork<Message<?>> unitOfWork =
                DefaultUnitOfWork.startAndGet(GenericCommandMessage.asCommandMessage("work"));
        DefaultInterceptorChain<Message<?>> chain = new DefaultInterceptorChain<>(unitOfWork,
                List.of(new TimeLimitInterceptor(limits, "TestBus", limit)), handler);
        return unitOfWork.executeWithResult(chain::proceed);
    }

    @Test
    void a_unit_of_work_past_its_timeout_is_interrupted_and_fails_with_a_timeout() throws Exception {
        long start = System.nanoTime();
        ResultMessage<?> result = handle(new TaskTimeoutSettings(200, -1, 0), message -> {
            Thread.sleep(10_000);
            return "too late";
        });
        assertThat(result.isExceptional()).isTrue();
        assertThat(result.exceptionResult()).isInstanceOf(AxonTimeoutException.class)
                .hasMessage("UnitOfWork of TestBus has exceeded its timeout of 200 ms");
        assertThat(result.exceptionResult().getSuppressed()[0]).isInstanceOf(InterruptedException.class);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
        assertThat(Thread.currentThread().isInterrupted()).as("the watchdog's interrupt is cleared").isFalse();
        assertThat(limits.running()).isZero();
        assertThat(logged.list).singleElement().satisfies(event -> {
            assertThat(event.getLevel()).isEqualTo(Level.ERROR);
            assertThat(event.getFormattedMessage()).contains("UnitOfWork of TestBus on thread [",
                    "has exceeded its timeout of [200ms]", "TimeLimitsTest");
        });
    }

    @Test
    void a_handler_that_swallows_the_interruption_still_fails_with_a_timeout() throws Exception {
        ResultMessage<?> result = handle(new TaskTimeoutSettings(100, -1, 0), message -> {
            try {
                Thread.sleep(10_000);
            } catch (InterruptedException swallowed) {
                return "as if nothing happened";
            }
            return "too late";
        });
        assertThat(result.exceptionResult()).isInstanceOf(AxonTimeoutException.class);
        assertThat(limits.running()).isZero();
    }

    @Test
    void warnings_start_at_the_threshold_and_come_back_every_interval_with_the_stack() throws Exception {
        ResultMessage<?> result = handle(new TaskTimeoutSettings(5_000, 200, 300), message -> {
            Thread.sleep(1_000);
            return "slow but in time";
        });
        assertThat(result.getPayload()).isEqualTo("slow but in time");
        // at about 200, 500 and 800 ms
        assertThat(logged.list).hasSizeBetween(2, 4).allSatisfy(event -> {
            assertThat(event.getLevel()).isEqualTo(Level.WARN);
            assertThat(event.getFormattedMessage()).contains("UnitOfWork of TestBus", "is taking a long time",
                    "interrupted at [5000ms]", "java.lang.Thread.sleep", "TimeLimitsTest");
        });
    }

    @Test
    void nothing_stays_watched_after_a_commit_or_a_rollback_and_other_failures_pass_unchanged() throws Exception {
        TaskTimeoutSettings limit = new TaskTimeoutSettings(60_000, 10_000, 1_000);
        assertThat(handle(limit, message -> "quick").getPayload()).isEqualTo("quick");
        assertThat(limits.running()).isZero();

        IllegalStateException refused = new IllegalStateException("refused");
        ResultMessage<?> failed = handle(limit, message -> {
            throw refused;
        });
        assertThat(failed.exceptionResult()).isSameAs(refused);
        assertThat(limits.running()).isZero();
        assertThat(logged.list).isEmpty();
    }

    @Test
    void an_interruption_from_elsewhere_is_not_taken_for_a_timeout() throws Exception {
        ResultMessage<?> result = handle(new TaskTimeoutSettings(60_000, -1, 0), message -> {
            Thread.currentThread().interrupt();
            return "interrupted by someone else";
        });
        assertThat(result.getPayload()).isEqualTo("interrupted by someone else");
        assertThat(Thread.interrupted()).as("the interrupt is left for its owner").isTrue();
    }
}
