package fr.marelle.platform.eventstore;

import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.gateway.RetryScheduler;
import org.axonframework.modelling.command.ConcurrencyException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import java.util.List;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/**
 * Retries a command that lost a race on its aggregate's stream (two writers appending the same sequence number):
 * the event store's unique (aggregate id, sequence) rejected one of them, and a second try sees the winner's events.
 * Domain refusals and every other failure are not retried. A command running inside a caller's transaction (an
 * integration consumer) is never retried here: that transaction is already aborted, and the caller retries whole.
 */
public class ConcurrencyRetryScheduler implements RetryScheduler {

    private static final Logger log = LoggerFactory.getLogger(ConcurrencyRetryScheduler.class);

    private final ScheduledExecutorService executor;
    private final int maxRetries;
    private final long baseDelayMillis;

    public ConcurrencyRetryScheduler(ScheduledExecutorService executor, int maxRetries, long baseDelayMillis) {
        this.executor = executor;
        this.maxRetries = maxRetries;
        this.baseDelayMillis = baseDelayMillis;
    }

    @Override
    public boolean scheduleRetry(CommandMessage commandMessage, RuntimeException lastFailure,
                                 List<Class<? extends Throwable>[]> failures, Runnable commandDispatch) {
        if (!isConcurrencyFailure(lastFailure) || failures.size() > maxRetries
                || TransactionSynchronizationManager.isActualTransactionActive()) {
            return false;
        }
        long delay = baseDelayMillis * failures.size() + ThreadLocalRandom.current().nextLong(baseDelayMillis + 1);
        log.debug("Command {} lost a concurrent write, retry {} in {} ms", commandMessage.getCommandName(),
                failures.size(), delay);
        executor.schedule(commandDispatch, delay, TimeUnit.MILLISECONDS);
        return true;
    }

    public static boolean isConcurrencyFailure(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof ConcurrencyException) {
                return true;
            }
        }
        return false;
    }
}
