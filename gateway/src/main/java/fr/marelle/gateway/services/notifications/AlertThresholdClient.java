package fr.marelle.gateway.services.notifications;

import fr.marelle.gateway.services.ServiceClients;
import org.springframework.stereotype.Component;

import java.util.Map;
import java.util.UUID;

/**
 * The wallet's low-balance alert threshold, which "Mes notifications" shows and changes: wallet-service owns it (it
 * decides when the balance crosses it) and scopes every call to the parent's family.
 */
@Component
public class AlertThresholdClient {

    public record Threshold(long thresholdCents) {
    }

    private final ServiceClients services;

    AlertThresholdClient(ServiceClients services) {
        this.services = services;
    }

    public long thresholdCents(UUID familyId) {
        return services.service("wallet").get("/api/families/{id}/wallet/low-balance-threshold", Threshold.class,
                familyId).thresholdCents();
    }

    public void change(UUID familyId, long thresholdCents) {
        services.service("wallet").put("/api/families/{id}/wallet/low-balance-threshold",
                Map.of("thresholdCents", thresholdCents), familyId);
    }
}
