package fr.marelle.wallet.wallet;

import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;

/**
 * A wallet opens with whatever happens to it first, so two first facts may race to open it: the event store then
 * refuses the loser's first event, which Axon reports as a stream-creation failure, not as the concurrent write the
 * platform's command gateway retries. Both are tried again here (outside a transaction only: inside one, the
 * transaction is already lost and its caller — the Kafka consumer — retries whole). The second try finds the wallet
 * opened and appends after it.
 */
public final class ConflictRetry {

    private static final int TRIES = 5;

    private ConflictRetry() {
    }

    public static <T> T run(Supplier<T> work) {
        for (int attempt = 1; ; attempt++) {
            try {
                return work.get();
            } catch (RuntimeException e) {
                if (attempt >= TRIES || !isConflict(e) || TransactionSynchronizationManager.isActualTransactionActive()) {
                    throw e;
                }
                try {
                    Thread.sleep(10L * attempt + ThreadLocalRandom.current().nextLong(10));
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw e;
                }
            }
        }
    }

    public static boolean isConflict(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof ConcurrencyException || t instanceof AggregateStreamCreationException) {
                return true;
            }
        }
        return false;
    }
}
