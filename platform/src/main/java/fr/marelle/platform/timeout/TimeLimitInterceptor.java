package fr.marelle.platform.timeout;

import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.timeout.AxonTimeoutException;
import org.axonframework.messaging.timeout.TaskTimeoutSettings;
import org.axonframework.messaging.unitofwork.UnitOfWork;

/**
 * Watches the root unit of work of each message a component handles, from its start to its commit or rollback, with
 * {@link TimeLimits}. A unit of work the watchdog interrupted fails with Axon's {@link AxonTimeoutException}, whether
 * the handler let the interruption through, wrapped it or swallowed it; one that committed before noticing stays
 * committed. Interruptions from elsewhere are left as they are.
 */
public final class TimeLimitInterceptor implements MessageHandlerInterceptor<Message<?>> {

    private final TimeLimits limits;
    private final String name;
    private final TaskTimeoutSettings limit;
    private final String resourceKey;

    public TimeLimitInterceptor(TimeLimits limits, String component, TaskTimeoutSettings limit) {
        this.limits = limits;
        this.name = "UnitOfWork of " + component;
        this.limit = limit;
        this.resourceKey = TimeLimitInterceptor.class.getName() + "/" + component;
    }

    @Override
    public Object handle(UnitOfWork<? extends Message<?>> unitOfWork,
                         InterceptorChain interceptorChain) throws Exception {
        UnitOfWork<?> root = unitOfWork.root();
        TimeLimits.Watch watch = root.getResource(resourceKey);
        if (watch == null) {
            TimeLimits.Watch started = limits.watch(name, limit);
            root.resources().put(resourceKey, started);
            root.afterCommit(u -> started.end());
            root.onRollback(u -> started.end());
            watch = started;
        }
        Object result;
        try {
            result = interceptorChain.proceed();
        } catch (Exception e) {
            if (watch.timedOut()) {
                AxonTimeoutException timeout = timeout();
                timeout.addSuppressed(e);
                throw timeout;
            }
            throw e;
        }
        if (watch.timedOut()) {
            throw timeout(); // the handler swallowed the interruption
        }
        return result;
    }

    private AxonTimeoutException timeout() {
        return new AxonTimeoutException(name + " has exceeded its timeout of " + limit.getTimeoutMs() + " ms");
    }
}
