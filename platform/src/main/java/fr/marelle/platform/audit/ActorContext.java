package fr.marelle.platform.audit;

import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Callable;

/**
 * The actor and correlation id of the work running on the current thread: set from the service token of an HTTP
 * request, or from the headers of a consumed integration event. Commands dispatched on this thread carry them.
 */
public final class ActorContext {

    public record Current(Actor actor, String correlationId) {
    }

    private static final ThreadLocal<Current> CURRENT = new ThreadLocal<>();

    private ActorContext() {
    }

    public static Optional<Current> current() {
        return Optional.ofNullable(CURRENT.get());
    }

    public static Optional<Actor> actor() {
        return current().map(Current::actor);
    }

    public static <T> T callAs(Actor actor, String correlationId, Callable<T> work) throws Exception {
        Current previous = CURRENT.get();
        CURRENT.set(new Current(actor, correlationId != null ? correlationId : UUID.randomUUID().toString()));
        try {
            return work.call();
        } finally {
            restore(previous);
        }
    }

    public static void runAs(Actor actor, String correlationId, Runnable work) {
        Current previous = CURRENT.get();
        CURRENT.set(new Current(actor, correlationId != null ? correlationId : UUID.randomUUID().toString()));
        try {
            work.run();
        } finally {
            restore(previous);
        }
    }

    /** For filters that open a context for the rest of a request; always paired with {@link #clear()}. */
    public static void open(Actor actor, String correlationId) {
        CURRENT.set(new Current(actor, correlationId != null ? correlationId : UUID.randomUUID().toString()));
    }

    public static void clear() {
        CURRENT.remove();
    }

    private static void restore(Current previous) {
        if (previous == null) {
            CURRENT.remove();
        } else {
            CURRENT.set(previous);
        }
    }
}
