package fr.marelle.planning.catalogue;

import com.fasterxml.jackson.core.JsonProcessingException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The catalogue as bookings read it, kept in memory and reloaded when its table changes. */
@Component
public class ServiceCatalogue {

    /** A service as it is now. */
    public record ServiceView(String serviceId, ServiceDefinition definition, boolean active,
                              UUID houseRulesDocumentId, String houseRulesFileName) {
    }

    private record Loaded(long version, Map<String, ServiceView> services, List<ServiceView> ordered) {
    }

    private final JdbcClient jdbc;
    private volatile Loaded loaded = new Loaded(-1, Map.of(), List.of());

    ServiceCatalogue(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<ServiceView> find(String serviceId) {
        return Optional.ofNullable(current().services().get(serviceId));
    }

    /** Every service, in the order they were opened. */
    public List<ServiceView> all() {
        return current().ordered();
    }

    private Loaded current() {
        long version = jdbc.sql("SELECT version FROM rm_catalogue_version").query(Long.class).single();
        Loaded current = loaded;
        if (current.version() == version) {
            return current;
        }
        List<ServiceView> services = jdbc.sql("""
                        SELECT service_id, definition::text AS definition, active, house_rules_document_id,
                               house_rules_file_name
                        FROM rm_service ORDER BY opened_at, service_id""")
                .query((rs, n) -> new ServiceView(rs.getString("service_id"), parse(rs.getString("definition")),
                        rs.getBoolean("active"), rs.getObject("house_rules_document_id", UUID.class),
                        rs.getString("house_rules_file_name")))
                .list();
        Loaded fresh = new Loaded(version, services.stream()
                .collect(Collectors.toUnmodifiableMap(ServiceView::serviceId, Function.identity())), services);
        loaded = fresh;
        return fresh;
    }

    private static ServiceDefinition parse(String json) {
        try {
            return CatalogueProjection.JSON.readValue(json, ServiceDefinition.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
