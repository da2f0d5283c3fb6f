package fr.marelle.platform.integration;

import org.axonframework.eventhandling.EventMessage;

import java.util.List;

/**
 * Turns a service's internal events into its public, versioned contract. Internal events may change with
 * upcasters; the public ones only grow compatibly. Most internal events map to nothing.
 */
@FunctionalInterface
public interface IntegrationEventMapper {

    List<OutgoingIntegrationEvent> map(EventMessage<?> event);
}
