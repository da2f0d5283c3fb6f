package fr.marelle.billing.tariff;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;
import java.util.List;

/** What staff (finance, administrators) ask of a service's tariffs. {@code today} is the town's date (Paris). */
public final class TariffCommands {

    private TariffCommands() {
    }

    /** A grid with its date of effect: a new one (next school year's, prepared in advance) or a future one replaced. */
    public record PublishTariffGrid(@TargetAggregateIdentifier String serviceId, LocalDate effectiveFrom,
                                    List<Bracket> brackets, long unbookedSurchargeCents, LocalDate today) {
    }

    /** A grid that has not taken effect yet, withdrawn. */
    public record WithdrawTariffGrid(@TargetAggregateIdentifier String serviceId, LocalDate effectiveFrom,
                                     LocalDate today) {
    }
}
