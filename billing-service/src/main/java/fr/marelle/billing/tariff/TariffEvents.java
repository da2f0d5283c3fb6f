package fr.marelle.billing.tariff;

import org.axonframework.serialization.Revision;

import java.time.LocalDate;
import java.util.List;

/** Facts about a service's tariffs; who published them is in the metadata. */
public final class TariffEvents {

    private TariffEvents() {
    }

    @Revision("1")
    public record TariffGridPublished(String serviceId, LocalDate effectiveFrom, List<Bracket> brackets,
                                      long unbookedSurchargeCents) {
    }

    @Revision("1")
    public record TariffGridWithdrawn(String serviceId, LocalDate effectiveFrom) {
    }
}
