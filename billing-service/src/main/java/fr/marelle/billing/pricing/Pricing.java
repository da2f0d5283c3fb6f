package fr.marelle.billing.pricing;

import fr.marelle.billing.directory.BillingDirectory;
import fr.marelle.billing.directory.BillingDirectory.Attestation;
import fr.marelle.billing.directory.BillingDirectory.Child;
import fr.marelle.billing.directory.BillingDirectory.FamilyQuotient;
import fr.marelle.billing.directory.BillingDirectory.Service;
import fr.marelle.billing.tariff.query.TariffCatalog;
import org.springframework.stereotype.Component;

import java.util.Collection;

/** Prices charges: loads once, for a batch, what the prices of one family's days depend on. */
@Component
public class Pricing {

    private final TariffCatalog tariffs;
    private final BillingDirectory directory;

    Pricing(TariffCatalog tariffs, BillingDirectory directory) {
        this.tariffs = tariffs;
        this.directory = directory;
    }

    public PriceList forFamily(String familyId, Collection<String> serviceIds, Collection<String> childIds) {
        FamilyQuotient quotient = directory.quotientOf(familyId);
        java.util.Map<String, Service> services = directory.services(serviceIds);
        java.util.Map<String, Child> children = directory.children(childIds);
        return new PriceList(tariffs.gridsOf(serviceIds), services, children, quotient.attestations());
    }

    /** The QF that applies on a day: the latest validated attestation that covers it, else none (top bracket). */
    static Integer quotientOn(java.time.LocalDate day, java.util.List<Attestation> attestations) {
        return attestations.stream().filter(a -> a.covers(day)).findFirst()
                .map(Attestation::quotientFamilial).orElse(null);
    }
}
