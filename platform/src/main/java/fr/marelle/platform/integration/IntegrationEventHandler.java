package fr.marelle.platform.integration;

/**
 * Applies one integration event. Runs in the consumer's database transaction, with the event recorded as
 * processed: whatever it writes (commands to the service's aggregates, read-model rows) commits with that record,
 * or not at all. Throw a {@link fr.marelle.platform.errors.DomainException} to refuse it.
 */
@FunctionalInterface
public interface IntegrationEventHandler<T> {

    void handle(T payload, IntegrationEnvelope envelope) throws Exception;
}
