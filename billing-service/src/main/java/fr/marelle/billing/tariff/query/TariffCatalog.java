package fr.marelle.billing.tariff.query;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.marelle.billing.tariff.Bracket;
import fr.marelle.billing.tariff.TariffGrid;
import fr.marelle.platform.eventstore.EventStoreAutoConfiguration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The tariff grids of every service (read model "tariffs"). */
@Component
public class TariffCatalog {

    static final ObjectMapper JSON = EventStoreAutoConfiguration.eventObjectMapper();
    private static final TypeReference<List<Bracket>> BRACKETS = new TypeReference<>() {
    };

    public record GridView(String serviceId, LocalDate effectiveFrom, List<Bracket> brackets,
                           long unbookedSurchargeCents, OffsetDateTime publishedAt, String publishedBy) {
        public TariffGrid grid() {
            return new TariffGrid(serviceId, effectiveFrom, brackets, unbookedSurchargeCents);
        }
    }

    private record Row(String serviceId, LocalDate effectiveFrom, String brackets, long unbookedSurchargeCents,
                       OffsetDateTime publishedAt, String publishedBy) {
    }

    private final JdbcClient jdbc;

    TariffCatalog(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Every grid, by service, the latest date of effect first. */
    public List<GridView> all() {
        return jdbc.sql("SELECT service_id, effective_from, brackets, unbooked_surcharge_cents, published_at, "
                        + "published_by FROM rm_tariff_grid ORDER BY service_id, effective_from DESC")
                .query(Row.class).list().stream().map(TariffCatalog::view).toList();
    }

    /** The grids of these services, the latest date of effect first. */
    public Map<String, List<TariffGrid>> gridsOf(Collection<String> serviceIds) {
        Map<String, List<TariffGrid>> grids = new HashMap<>();
        if (serviceIds.isEmpty()) {
            return grids;
        }
        jdbc.sql("SELECT service_id, effective_from, brackets, unbooked_surcharge_cents, published_at, published_by "
                        + "FROM rm_tariff_grid WHERE service_id IN (:ids) ORDER BY effective_from DESC")
                .param("ids", serviceIds).query(Row.class).list()
                .forEach(row -> grids.computeIfAbsent(row.serviceId(), id -> new ArrayList<>()).add(view(row).grid()));
        return grids;
    }

    private static GridView view(Row row) {
        try {
            return new GridView(row.serviceId(), row.effectiveFrom(), JSON.readValue(row.brackets(), BRACKETS),
                    row.unbookedSurchargeCents(), row.publishedAt(), row.publishedBy());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Unreadable brackets of " + row.serviceId(), e);
        }
    }
}
