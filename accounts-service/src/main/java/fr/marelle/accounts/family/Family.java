package fr.marelle.accounts.family;

import fr.marelle.accounts.family.FamilyCommands.OpenFamilyFile;
import fr.marelle.accounts.family.FamilyEvents.FamilyFileOpened;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/** The file of one family: its guardians, address and contacts. */
@Aggregate
public class Family {

    @AggregateIdentifier
    private FamilyId familyId;

    protected Family() {
    }

    @CommandHandler
    public Family(OpenFamilyFile command) {
        apply(new FamilyFileOpened(command.familyId(), command.guardianId(), command.civility(),
                command.firstName().strip(), command.lastName().strip(), command.email().strip().toLowerCase(),
                command.phone(), command.address(), command.language()));
    }

    @EventSourcingHandler
    void on(FamilyFileOpened event) {
        this.familyId = event.familyId();
    }
}
