package fr.marelle.notification.directory;

import fr.marelle.contracts.children.ChildDetailsUpdated;
import fr.marelle.contracts.children.ChildRegistered;
import fr.marelle.contracts.planning.ServiceChanged;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.UUID;

/**
 * The names a message needs besides its recipient's: a child's first name ("a place freed for Léa"), a service's name
 * ("Restauration scolaire"), as children-service and planning-service publish them ({@code directory_child},
 * {@code directory_service}). Kept by the Kafka consumer, in the transaction that records each event as processed.
 * Facts of different contexts are not ordered with each other: a name not known yet is simply left out of the
 * message, which then reads "votre enfant", or names the service by its code.
 */
@Component
public class NameDirectory {

    private final JdbcClient jdbc;

    NameDirectory(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<String> childFirstName(String childId) {
        UUID id = uuidOrNull(childId);
        if (id == null) {
            return Optional.empty();
        }
        return jdbc.sql("SELECT first_name FROM directory_child WHERE child_id = ? AND first_name IS NOT NULL")
                .param(id).query(String.class).optional();
    }

    public Optional<String> serviceName(String serviceId) {
        if (serviceId == null) {
            return Optional.empty();
        }
        return jdbc.sql("SELECT name FROM directory_service WHERE service_id = ?").param(serviceId)
                .query(String.class).optional();
    }

    public void childRegistered(ChildRegistered event, Instant at) {
        child(event.childId(), event.familyId(), event.firstName(), at);
    }

    public void childDetailsUpdated(ChildDetailsUpdated event, Instant at) {
        child(event.childId(), event.familyId(), event.firstName(), at);
    }

    public void serviceChanged(ServiceChanged event, Instant at) {
        if (event.serviceId() == null || event.name() == null || event.name().isBlank()) {
            return;
        }
        jdbc.sql("""
                        INSERT INTO directory_service (service_id, name, updated_at) VALUES (?, ?, ?)
                        ON CONFLICT (service_id) DO UPDATE SET name = excluded.name, updated_at = excluded.updated_at""")
                .params(event.serviceId(), event.name().strip(), at.atOffset(ZoneOffset.UTC))
                .update();
    }

    private void child(String childId, String familyId, String firstName, Instant at) {
        UUID child = uuidOrNull(childId);
        UUID family = uuidOrNull(familyId);
        if (child == null || family == null) {
            return;
        }
        jdbc.sql("""
                        INSERT INTO directory_child (child_id, family_id, first_name, updated_at) VALUES (?, ?, ?, ?)
                        ON CONFLICT (child_id) DO UPDATE SET family_id = excluded.family_id,
                            first_name = excluded.first_name, updated_at = excluded.updated_at""")
                .params(child, family, firstName == null || firstName.isBlank() ? null : firstName.strip(),
                        at.atOffset(ZoneOffset.UTC))
                .update();
    }

    private static UUID uuidOrNull(String id) {
        try {
            return id == null ? null : UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
