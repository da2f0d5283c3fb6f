package fr.marelle.planning.catalogue;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.marelle.planning.catalogue.CatalogueEvents.HouseRulesAttached;
import fr.marelle.planning.catalogue.CatalogueEvents.ServiceOpened;
import fr.marelle.planning.catalogue.CatalogueEvents.ServiceRedefined;
import fr.marelle.planning.catalogue.CatalogueEvents.ServiceReinstated;
import fr.marelle.planning.catalogue.CatalogueEvents.ServiceWithdrawn;
import fr.marelle.platform.audit.history.ProjectionTables;
import fr.marelle.platform.eventstore.EventStoreAutoConfiguration;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.Timestamp;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.time.ZoneOffset;

/**
 * The catalogue's table: each service's definition as JSON, its state and house rules. {@code rm_catalogue_version}
 * only tells the in-memory readers to reload (it keeps counting across rebuilds), so a rebuild writes a copy of it
 * and compares {@code rm_service} alone.
 */
@Component
@ProcessingGroup("catalogue")
@ProjectionTables(value = "rm_service", reads = "rm_catalogue_version")
class CatalogueProjection {

    static final ObjectMapper JSON = EventStoreAutoConfiguration.eventObjectMapper();

    private final JdbcClient jdbc;

    CatalogueProjection(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(ServiceOpened event, @Timestamp Instant at) {
        jdbc.sql("""
                        INSERT INTO rm_service (service_id, code, name, definition, active, opened_at, updated_at)
                        VALUES (?, ?, ?, ?::jsonb, true, ?, ?) ON CONFLICT (service_id) DO NOTHING""")
                .params(event.serviceId(), event.definition().code(), event.definition().name(),
                        json(event.definition()), at.atOffset(ZoneOffset.UTC), at.atOffset(ZoneOffset.UTC))
                .update();
        bumpVersion();
    }

    @EventHandler
    void on(ServiceRedefined event, @Timestamp Instant at) {
        update(event.serviceId(), event.definition(), event.active(), at);
    }

    @EventHandler
    void on(ServiceWithdrawn event, @Timestamp Instant at) {
        update(event.serviceId(), event.definition(), false, at);
    }

    @EventHandler
    void on(ServiceReinstated event, @Timestamp Instant at) {
        update(event.serviceId(), event.definition(), true, at);
    }

    @EventHandler
    void on(HouseRulesAttached event) {
        jdbc.sql("UPDATE rm_service SET house_rules_document_id = ?, house_rules_file_name = ? WHERE service_id = ?")
                .params(event.houseRules().documentId(), event.houseRules().fileName(), event.serviceId()).update();
        bumpVersion();
    }

    private void update(String serviceId, ServiceDefinition definition, boolean active, Instant at) {
        jdbc.sql("UPDATE rm_service SET name = ?, definition = ?::jsonb, active = ?, updated_at = ? "
                        + "WHERE service_id = ?")
                .params(definition.name(), json(definition), active, at.atOffset(ZoneOffset.UTC), serviceId)
                .update();
        bumpVersion();
    }

    private void bumpVersion() {
        jdbc.sql("UPDATE rm_catalogue_version SET version = version + 1").update();
    }

    static String json(ServiceDefinition definition) {
        try {
            return JSON.writeValueAsString(definition);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    @ResetHandler
    void reset() {
        jdbc.sql("TRUNCATE rm_service").update();
        bumpVersion();
    }
}
