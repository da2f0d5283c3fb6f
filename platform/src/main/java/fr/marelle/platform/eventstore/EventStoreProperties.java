package fr.marelle.platform.eventstore;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;

/**
 * Event store and write-path settings.
 *
 * <p>An event committed more than {@code gapTimeout} after its global index was allocated is never seen by a
 * streaming processor that already skipped the gap. Writes are therefore bounded by database timeouts well below
 * the gap timeout: a statement may not run longer than {@code statementTimeout}, and a transaction may not sit idle
 * longer than {@code idleInTransactionTimeout}; PostgreSQL aborts it otherwise, and its events are never committed.
 */
@ConfigurationProperties("marelle.eventstore")
public class EventStoreProperties {

    /** How long a streaming processor waits for a gap in the global index to fill before skipping it. */
    private Duration gapTimeout = Duration.ofSeconds(60);
    /** Longest single statement on the service's database. */
    private Duration statementTimeout = Duration.ofSeconds(10);
    /** Longest idle time inside an open transaction on the service's database. */
    private Duration idleInTransactionTimeout = Duration.ofSeconds(10);
    /** Events read per query by streaming processors. */
    private int batchSize = 200;
    /** How long the tailing reader waits for new events before it polls the database again. */
    private Duration fetchDelay = Duration.ofMillis(500);

    public Duration getGapTimeout() {
        return gapTimeout;
    }

    public void setGapTimeout(Duration gapTimeout) {
        this.gapTimeout = gapTimeout;
    }

    public Duration getStatementTimeout() {
        return statementTimeout;
    }

    public void setStatementTimeout(Duration statementTimeout) {
        this.statementTimeout = statementTimeout;
    }

    public Duration getIdleInTransactionTimeout() {
        return idleInTransactionTimeout;
    }

    public void setIdleInTransactionTimeout(Duration idleInTransactionTimeout) {
        this.idleInTransactionTimeout = idleInTransactionTimeout;
    }

    public int getBatchSize() {
        return batchSize;
    }

    public void setBatchSize(int batchSize) {
        this.batchSize = batchSize;
    }

    public Duration getFetchDelay() {
        return fetchDelay;
    }

    public void setFetchDelay(Duration fetchDelay) {
        this.fetchDelay = fetchDelay;
    }

    /** The write bounds must leave room for a commit well inside the gap timeout. */
    public void validate() {
        Duration bound = statementTimeout.compareTo(idleInTransactionTimeout) > 0
                ? statementTimeout : idleInTransactionTimeout;
        if (bound.multipliedBy(2).compareTo(gapTimeout) > 0) {
            throw new IllegalStateException("marelle.eventstore: statement-timeout (" + statementTimeout
                    + ") and idle-in-transaction-timeout (" + idleInTransactionTimeout
                    + ") must be at most half the gap-timeout (" + gapTimeout
                    + "), or a slow commit could be skipped by the projections");
        }
    }
}
