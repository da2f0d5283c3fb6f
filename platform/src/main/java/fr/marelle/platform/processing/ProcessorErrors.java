package fr.marelle.platform.processing;

import org.axonframework.eventhandling.ErrorContext;
import org.axonframework.eventhandling.ErrorHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.UnitOfWork;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The last failure of each event processor, until it handles an event again. A pooled processor releases the
 * segment that failed and retries it later, so its status alone does not say it is stuck; this does.
 */
public class ProcessorErrors {

    public record Failure(String message, Instant at) {
    }

    private final Map<String, Failure> failures = new ConcurrentHashMap<>();
    private final Clock clock;

    public ProcessorErrors(Clock clock) {
        this.clock = clock;
    }

    public Optional<Failure> of(String processor) {
        return Optional.ofNullable(failures.get(processor));
    }

    /** Records the failure, then stops the batch: the segment is released and retried with a back-off. */
    ErrorHandler recordingThenPropagating() {
        return context -> {
            record(context);
            PropagatingErrorHandler.instance().handleError(context);
        };
    }

    void record(ErrorContext context) {
        failures.put(context.eventProcessor(), new Failure(rootMessage(context.error()), clock.instant()));
    }

    MessageHandlerInterceptor<EventMessage<?>> clearOnSuccess(String processor) {
        return (UnitOfWork<? extends EventMessage<?>> unitOfWork, InterceptorChain chain) -> {
            Object result = chain.proceed();
            unitOfWork.afterCommit(u -> failures.remove(processor));
            return result;
        };
    }

    private static String rootMessage(Throwable error) {
        Throwable root = error;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + ": " + root.getMessage();
    }
}
