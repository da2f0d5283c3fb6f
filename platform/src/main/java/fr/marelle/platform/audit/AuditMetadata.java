package fr.marelle.platform.audit;

import java.util.Set;

/** Metadata keys every command carries and every event inherits from the command that caused it. */
public final class AuditMetadata {

    public static final String ACTOR_ID = "actorId";
    public static final String ACTOR_ROLE = "actorRole";
    public static final String FAMILY_ID = "familyId";
    public static final String CLIENT_IP = "clientIp";
    /** One id for a whole business flow, across services: this booking, this charge, this debit, this alert. */
    public static final String CORRELATION_ID = "correlationId";
    /** The id of the message that directly caused this one. */
    public static final String CAUSATION_ID = "causationId";

    /** Keys copied from a command to the events it causes, and from an event to the commands it causes. */
    public static final Set<String> PROPAGATED = Set.of(ACTOR_ID, ACTOR_ROLE, FAMILY_ID, CLIENT_IP, CORRELATION_ID);

    private AuditMetadata() {
    }
}
