package fr.marelle.platform.timeout;

import org.axonframework.messaging.timeout.TaskTimeoutSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.Arrays;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * Bounds the time of units of work, as Axon's transaction timeouts do, with one watchdog thread instead of a task
 * scheduled and cancelled for each unit of work. A unit of work is watched from {@link #watch} to
 * {@link Watch#end}; every tick the watchdog logs a warning with the thread's stack for those running past their
 * warning threshold (then every warning interval), and interrupts those past their timeout.
 *
 * <p>Axon's {@code AxonTimeLimitedTask} captures the thread's stack trace when each unit of work starts, and schedules
 * a task on its janitor thread that it cancels at the end; at one command at a time, each schedule wakes the janitor.
 * At one client the append benchmark measured about 30 µs of JVM CPU per one-event command for that (ADR 25);
 * watching costs an entry added to and removed from a concurrent set. The limits are Axon's {@link TaskTimeoutSettings};
 * one with a negative timeout only warns.
 */
public final class TimeLimits implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(TimeLimits.class);

    private final Set<Watch> running = ConcurrentHashMap.newKeySet();
    private final long tickMillis;
    private final Thread watchdog;
    private volatile boolean closed;

    /** Whether the settings warn at all: a warning threshold that is not negative and comes before the timeout. */
    static boolean warns(TaskTimeoutSettings limit) {
        return limit.getWarningThresholdMs() >= 0
                && (limit.getTimeoutMs() < 0 || limit.getWarningThresholdMs() < limit.getTimeoutMs());
    }

    /** Whether the settings bound or warn about anything at all. */
    static boolean active(TaskTimeoutSettings limit) {
        return limit.getTimeoutMs() >= 0 || warns(limit);
    }

    public TimeLimits(Duration tick) {
        this.tickMillis = Math.max(1, tick.toMillis());
        this.watchdog = new Thread(this::run, "marelle-time-limits");
        this.watchdog.setDaemon(true);
        this.watchdog.start();
    }

    /** Starts watching the current thread's unit of work named {@code name}. */
    public Watch watch(String name, TaskTimeoutSettings limit) {
        Watch watch = new Watch(name, limit, Thread.currentThread(), System.nanoTime());
        running.add(watch);
        return watch;
    }

    /** The units of work watched now (for tests and diagnostics). */
    public int running() {
        return running.size();
    }

    @Override
    public void close() {
        closed = true;
        watchdog.interrupt();
    }

    private void run() {
        while (!closed) {
            try {
                Thread.sleep(tickMillis);
            } catch (InterruptedException e) {
                if (closed) {
                    return;
                }
            }
            long now = System.nanoTime();
            for (Watch watch : running) {
                try {
                    watch.check(now);
                } catch (RuntimeException e) {
                    log.error("Time limit check of {} failed", watch.name, e); // keep watching the others
                }
            }
        }
    }

    /** One unit of work being watched. */
    public final class Watch {

        private static final int RUNNING = 0;
        private static final int ENDED = 1;
        private static final int INTERRUPTED = 2;

        private final String name;
        private final TaskTimeoutSettings limit;
        private final Thread thread;
        private final long startNanos;
        private long nextWarningMs;
        private int state = RUNNING; // guarded by this

        private Watch(String name, TaskTimeoutSettings limit, Thread thread, long startNanos) {
            this.name = name;
            this.limit = limit;
            this.thread = thread;
            this.startNanos = startNanos;
            this.nextWarningMs = limit.getWarningThresholdMs();
        }

        /** Whether the watchdog interrupted this unit of work for running past its timeout. */
        public synchronized boolean timedOut() {
            return state == INTERRUPTED;
        }

        /**
         * Stops watching. When the watchdog interrupted the unit of work, and this is its thread, the interrupt flag
         * it set is cleared, so that the thread's next work does not inherit it.
         */
        public void end() {
            running.remove(this);
            synchronized (this) {
                if (state == INTERRUPTED && Thread.currentThread() == thread) {
                    Thread.interrupted();
                } else if (state == RUNNING) {
                    state = ENDED;
                }
            }
        }

        private void check(long now) {
            long elapsedMs = (now - startNanos) / 1_000_000;
            if (limit.getTimeoutMs() >= 0 && elapsedMs >= limit.getTimeoutMs()) {
                String stack = stack();
                synchronized (this) {
                    if (state != RUNNING) {
                        return;
                    }
                    state = INTERRUPTED;
                    thread.interrupt();
                }
                running.remove(this);
                log.error("{} on thread [{}] has exceeded its timeout of [{}ms]: interrupted.\n{}", name,
                        thread.getName(), limit.getTimeoutMs(), stack);
            } else if (warns(limit) && elapsedMs >= nextWarningMs) {
                log.warn("{} on thread [{}] is taking a long time: [{}ms] so far, interrupted at [{}ms].\n{}", name,
                        thread.getName(), elapsedMs, limit.getTimeoutMs(), stack());
                nextWarningMs = Math.max(elapsedMs, nextWarningMs) + Math.max(1, limit.getWarningIntervalMs());
            }
        }

        private String stack() {
            return Arrays.stream(thread.getStackTrace()).map(element -> "\tat " + element)
                    .collect(Collectors.joining("\n"));
        }
    }
}
