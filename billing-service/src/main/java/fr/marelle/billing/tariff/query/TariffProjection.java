package fr.marelle.billing.tariff.query;

import com.fasterxml.jackson.core.JsonProcessingException;
import fr.marelle.billing.tariff.TariffEvents.TariffGridPublished;
import fr.marelle.billing.tariff.TariffEvents.TariffGridWithdrawn;
import fr.marelle.platform.audit.AuditMetadata;
import fr.marelle.platform.audit.history.ProjectionTables;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.time.Instant;

/** Read model "tariffs": the grids in force and prepared, which pricing reads. */
@Component
@ProcessingGroup("tariffs")
@ProjectionTables("rm_tariff_grid")
class TariffProjection {

    private final JdbcClient jdbc;

    TariffProjection(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(TariffGridPublished event, @Timestamp Instant at, @MetaDataValue(AuditMetadata.ACTOR_ID) String actor)
            throws JsonProcessingException {
        jdbc.sql("""
                        INSERT INTO rm_tariff_grid (service_id, effective_from, brackets, unbooked_surcharge_cents,
                            published_at, published_by)
                        VALUES (?, ?, ?, ?, ?, ?)
                        ON CONFLICT (service_id, effective_from) DO UPDATE SET brackets = excluded.brackets,
                            unbooked_surcharge_cents = excluded.unbooked_surcharge_cents,
                            published_at = excluded.published_at, published_by = excluded.published_by""")
                .params(event.serviceId(), event.effectiveFrom(), TariffCatalog.JSON.writeValueAsString(event.brackets()),
                        event.unbookedSurchargeCents(), java.sql.Timestamp.from(at), actor)
                .update();
    }

    @EventHandler
    void on(TariffGridWithdrawn event) {
        jdbc.sql("DELETE FROM rm_tariff_grid WHERE service_id = ? AND effective_from = ?")
                .params(event.serviceId(), event.effectiveFrom()).update();
    }

    @ResetHandler
    void reset() {
        jdbc.sql("TRUNCATE rm_tariff_grid").update();
    }
}
