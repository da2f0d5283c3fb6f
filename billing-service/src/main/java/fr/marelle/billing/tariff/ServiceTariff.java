package fr.marelle.billing.tariff;

import fr.marelle.billing.tariff.TariffCommands.PublishTariffGrid;
import fr.marelle.billing.tariff.TariffCommands.WithdrawTariffGrid;
import fr.marelle.billing.tariff.TariffEvents.TariffGridPublished;
import fr.marelle.billing.tariff.TariffEvents.TariffGridWithdrawn;
import fr.marelle.platform.errors.DomainException;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * The tariff grids of one service, each with its date of effect. Staff prepare next year's grid in advance and may
 * change or withdraw it until it takes effect; a grid in force is never changed, and a charge keeps the price it was
 * made with whatever grid comes later. Only the service's first grid may take effect in the past (a town entering the
 * tariff of the current school year, or registers arriving for days before it): nothing of the service was ever
 * priced before it.
 */
@Aggregate
public class ServiceTariff {

    @AggregateIdentifier
    private String serviceId;
    private final Map<LocalDate, TariffGridPublished> grids = new HashMap<>();

    protected ServiceTariff() {
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(PublishTariffGrid command) {
        TariffRules.bracketsCoverEveryQuotient(command.brackets());
        TariffRules.surchargeIsAnAmount(command.unbookedSurchargeCents());
        TariffGridPublished existing = grids.get(command.effectiveFrom());
        if (existing != null) {
            TariffRules.notInForce(command.effectiveFrom(), command.today());
            if (Objects.equals(existing.brackets(), command.brackets())
                    && existing.unbookedSurchargeCents() == command.unbookedSurchargeCents()) {
                return;
            }
        }
        if (!TariffRules.noGridInForceYet(grids.keySet(), command.today())) {
            TariffRules.takesEffectFromToday(command.effectiveFrom(), command.today());
        }
        apply(new TariffGridPublished(command.serviceId(), command.effectiveFrom(), command.brackets(),
                command.unbookedSurchargeCents()));
    }

    @CommandHandler
    void handle(WithdrawTariffGrid command) {
        if (!grids.containsKey(command.effectiveFrom())) {
            throw DomainException.notFound("TARIFF_GRID_NOT_FOUND", "Grille tarifaire introuvable.");
        }
        TariffRules.notInForce(command.effectiveFrom(), command.today());
        apply(new TariffGridWithdrawn(serviceId, command.effectiveFrom()));
    }

    @EventSourcingHandler
    void on(TariffGridPublished event) {
        serviceId = event.serviceId();
        grids.put(event.effectiveFrom(), event);
    }

    @EventSourcingHandler
    void on(TariffGridWithdrawn event) {
        grids.remove(event.effectiveFrom());
    }
}
