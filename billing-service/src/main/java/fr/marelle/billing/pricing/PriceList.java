package fr.marelle.billing.pricing;

import fr.marelle.billing.Cents;
import fr.marelle.billing.charge.Charge;
import fr.marelle.billing.charge.ChargeKind;
import fr.marelle.billing.directory.BillingDirectory.Attestation;
import fr.marelle.billing.directory.BillingDirectory.Child;
import fr.marelle.billing.directory.BillingDirectory.Service;
import fr.marelle.billing.tariff.Bracket;
import fr.marelle.billing.tariff.TariffGrid;
import fr.marelle.platform.errors.DomainException;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The prices of one family's days: the grid in force on the day (the latest date of effect not after it), the
 * bracket of the family's QF on that day (without a valid attestation covering the day, the top bracket), plus the
 * town's surcharge for a presence without booking. CESU eligibility follows the service's class and, for leisure
 * centres, the child's age on the day.
 */
public final class PriceList {

    /** CESU pays for Wednesday and holiday centres only for children under this age, on the day. */
    static final int LEISURE_CENTRE_CESU_AGE_LIMIT = 6;

    private final Map<String, List<TariffGrid>> grids;
    private final Map<String, Service> services;
    private final Map<String, Child> children;
    private final List<Attestation> attestations;

    PriceList(Map<String, List<TariffGrid>> grids, Map<String, Service> services, Map<String, Child> children,
              List<Attestation> attestations) {
        this.grids = grids;
        this.services = services;
        this.children = children;
        this.attestations = attestations;
    }

    public Charge booked(String bookingId, String childId, String serviceId, LocalDate date) {
        return price(Charge.idOfBooking(bookingId), bookingId, childId, serviceId, date, ChargeKind.BOOKED);
    }

    public Charge unbookedPresence(String childId, String serviceId, LocalDate date) {
        return price(Charge.idOfUnbookedPresence(childId, serviceId, date), null, childId, serviceId, date,
                ChargeKind.UNBOOKED);
    }

    private Charge price(UUID chargeId, String bookingId, String childId, String serviceId, LocalDate date,
                         ChargeKind kind) {
        TariffGrid grid = gridOn(serviceId, date);
        Integer quotient = Pricing.quotientOn(date, attestations);
        Bracket bracket = grid.bracketFor(quotient);
        long surcharge = kind == ChargeKind.UNBOOKED ? grid.unbookedSurchargeCents() : 0;
        long unit = Math.addExact(bracket.unitPriceCents(), surcharge);
        return new Charge(chargeId, bookingId, childId, serviceId, date, kind, unit, surcharge, 1,
                Cents.times(unit, 1), cesuEligible(childId, serviceId, date), quotient, grid.effectiveFrom());
    }

    private TariffGrid gridOn(String serviceId, LocalDate date) {
        return grids.getOrDefault(serviceId, List.of()).stream()
                .filter(g -> !g.effectiveFrom().isAfter(date))
                .findFirst()
                .orElseThrow(() -> DomainException.rule("TARIFF_MISSING",
                        "Aucune grille tarifaire n'est en vigueur le " + date + " pour le service " + serviceId + "."));
    }

    /** Daycare for any child; Wednesday and holiday centres under 6 on the day; never the canteen. */
    boolean cesuEligible(String childId, String serviceId, LocalDate date) {
        Service service = services.get(serviceId);
        if (service == null) {
            // planning publishes its catalogue before anything can be booked: wait for it (retried)
            throw DomainException.conflict("SERVICE_UNKNOWN", "Service " + serviceId + " encore inconnu.");
        }
        return switch (service.cesuClass()) {
            case "DAYCARE" -> true;
            case "LEISURE_CENTRE" -> {
                Child child = children.get(childId);
                if (child == null || child.birthDate() == null) {
                    throw DomainException.conflict("CHILD_UNKNOWN", "Enfant " + childId + " encore inconnu.");
                }
                yield date.isBefore(child.birthDate().plusYears(LEISURE_CENTRE_CESU_AGE_LIMIT));
            }
            default -> false;
        };
    }
}
