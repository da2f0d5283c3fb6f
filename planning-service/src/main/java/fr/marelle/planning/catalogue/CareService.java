package fr.marelle.planning.catalogue;

import fr.marelle.planning.catalogue.CatalogueCommands.AttachHouseRules;
import fr.marelle.planning.catalogue.CatalogueCommands.OpenService;
import fr.marelle.planning.catalogue.CatalogueCommands.RedefineService;
import fr.marelle.planning.catalogue.CatalogueCommands.ReinstateService;
import fr.marelle.planning.catalogue.CatalogueCommands.WithdrawService;
import fr.marelle.planning.catalogue.CatalogueEvents.HouseRulesAttached;
import fr.marelle.planning.catalogue.CatalogueEvents.ServiceOpened;
import fr.marelle.planning.catalogue.CatalogueEvents.ServiceRedefined;
import fr.marelle.planning.catalogue.CatalogueEvents.ServiceReinstated;
import fr.marelle.planning.catalogue.CatalogueEvents.ServiceWithdrawn;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * A service of the catalogue (canteen, morning or evening daycare, Wednesdays and holidays, or one the town adds):
 * the days it runs, its capacity, its deadlines, its requirements, its CESU class. Its id derives from its code, so
 * two services can never share a code (the event store refuses a second stream of the same id).
 */
@Aggregate
public class CareService {

    @AggregateIdentifier
    private String serviceId;
    private ServiceDefinition definition;
    private boolean active;

    protected CareService() {
    }

    @CommandHandler
    public CareService(OpenService command) {
        CareServiceRules.definitionIsValid(command.definition());
        CareServiceRules.idMatchesCode(command.serviceId(), command.definition());
        apply(new ServiceOpened(command.serviceId(), command.definition()));
    }

    @CommandHandler
    void handle(RedefineService command) {
        CareServiceRules.definitionIsValid(command.definition());
        CareServiceRules.codeNeverChanges(definition, command.definition());
        if (!command.definition().equals(definition)) {
            apply(new ServiceRedefined(serviceId, command.definition(), active));
        }
    }

    @CommandHandler
    void handle(AttachHouseRules command) {
        apply(new HouseRulesAttached(serviceId, command.houseRules()));
    }

    @CommandHandler
    void handle(WithdrawService command) {
        if (active) {
            apply(new ServiceWithdrawn(serviceId, definition));
        }
    }

    @CommandHandler
    void handle(ReinstateService command) {
        if (!active) {
            apply(new ServiceReinstated(serviceId, definition));
        }
    }

    @EventSourcingHandler
    void on(ServiceOpened event) {
        serviceId = event.serviceId();
        definition = event.definition();
        active = true;
    }

    @EventSourcingHandler
    void on(ServiceRedefined event) {
        definition = event.definition();
    }

    @EventSourcingHandler
    void on(ServiceWithdrawn event) {
        active = false;
    }

    @EventSourcingHandler
    void on(ServiceReinstated event) {
        active = true;
    }
}
