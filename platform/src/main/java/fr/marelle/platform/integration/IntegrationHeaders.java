package fr.marelle.platform.integration;

/**
 * Kafka headers of every integration event. The type is a versioned contract name
 * ({@code accounts.FamilyRegistered.v1}), never a Java class name.
 */
public final class IntegrationHeaders {

    public static final String EVENT_ID = "marelle-event-id";
    public static final String EVENT_TYPE = "marelle-event-type";
    public static final String SOURCE = "marelle-source";
    public static final String OCCURRED_AT = "marelle-occurred-at";
    public static final String CORRELATION_ID = "marelle-correlation-id";
    public static final String CAUSATION_ID = "marelle-causation-id";
    public static final String ACTOR_ID = "marelle-actor-id";
    public static final String ACTOR_ROLE = "marelle-actor-role";

    private IntegrationHeaders() {
    }
}
