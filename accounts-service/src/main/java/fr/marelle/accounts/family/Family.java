package fr.marelle.accounts.family;

import fr.marelle.accounts.family.FamilyCommands.AddGuardianToFamily;
import fr.marelle.accounts.family.FamilyCommands.ChangeFamilyAddress;
import fr.marelle.accounts.family.FamilyCommands.DeclareCafInformation;
import fr.marelle.accounts.family.FamilyCommands.OpenFamilyFile;
import fr.marelle.accounts.family.FamilyCommands.SaveEmergencyContacts;
import fr.marelle.accounts.family.FamilyEvents.CafNumberChanged;
import fr.marelle.accounts.family.FamilyEvents.EmergencyContactAdded;
import fr.marelle.accounts.family.FamilyEvents.EmergencyContactRemoved;
import fr.marelle.accounts.family.FamilyEvents.EmergencyContactUpdated;
import fr.marelle.accounts.family.FamilyEvents.FamilyAddressChanged;
import fr.marelle.accounts.family.FamilyEvents.FamilyFileOpened;
import fr.marelle.accounts.family.FamilyEvents.GuardianJoinedFamily;
import fr.marelle.accounts.family.FamilyEvents.QuotientFamilialDeclared;
import fr.marelle.accounts.guardian.GuardianId;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/** The file of one family: its guardians, address, CAF information and emergency contacts. */
@Aggregate
public class Family {

    @AggregateIdentifier
    private FamilyId familyId;
    private final Set<GuardianId> guardians = new HashSet<>();
    private Address address;
    private String cafNumber;
    private Integer quotientFamilial;
    private final Map<EmergencyContactId, EmergencyContact> contacts = new LinkedHashMap<>();

    protected Family() {
    }

    @CommandHandler
    public Family(OpenFamilyFile command) {
        FamilyRules.addressIsComplete(command.address());
        FamilyRules.cafNumberHasSevenDigits(command.cafNumber());
        FamilyRules.quotientFamilialIsAnAmount(command.quotientFamilial());
        apply(new FamilyFileOpened(command.familyId(), command.address()));
        apply(new GuardianJoinedFamily(command.familyId(), command.firstGuardian()));
        if (command.cafNumber() != null) {
            apply(new CafNumberChanged(command.familyId(), command.cafNumber()));
        }
        if (command.quotientFamilial() != null) {
            apply(new QuotientFamilialDeclared(command.familyId(), command.quotientFamilial()));
        }
    }

    @CommandHandler
    void handle(AddGuardianToFamily command) {
        if (guardians.contains(command.guardianId())) {
            return;
        }
        FamilyRules.guardiansWithinLimit(guardians.size());
        apply(new GuardianJoinedFamily(familyId, command.guardianId()));
    }

    @CommandHandler
    void handle(ChangeFamilyAddress command) {
        FamilyRules.addressIsComplete(command.address());
        if (!command.address().equals(address)) {
            apply(new FamilyAddressChanged(familyId, command.address()));
        }
    }

    @CommandHandler
    void handle(DeclareCafInformation command) {
        FamilyRules.cafNumberHasSevenDigits(command.cafNumber());
        FamilyRules.quotientFamilialIsAnAmount(command.quotientFamilial());
        if (!Objects.equals(cafNumber, command.cafNumber())) {
            apply(new CafNumberChanged(familyId, command.cafNumber()));
        }
        if (!Objects.equals(quotientFamilial, command.quotientFamilial())) {
            apply(new QuotientFamilialDeclared(familyId, command.quotientFamilial()));
        }
    }

    /** The list saved replaces the previous one: each difference is one fact. */
    @CommandHandler
    void handle(SaveEmergencyContacts command) {
        FamilyRules.emergencyContactsAreValid(command.contacts());
        Set<EmergencyContactId> kept = new HashSet<>();
        for (EmergencyContact contact : command.contacts()) {
            kept.add(contact.contactId());
            EmergencyContact existing = contacts.get(contact.contactId());
            if (existing == null) {
                apply(new EmergencyContactAdded(familyId, contact));
            } else if (!existing.equals(contact)) {
                apply(new EmergencyContactUpdated(familyId, contact));
            }
        }
        for (EmergencyContactId id : Set.copyOf(contacts.keySet())) {
            if (!kept.contains(id)) {
                apply(new EmergencyContactRemoved(familyId, id));
            }
        }
    }

    @EventSourcingHandler
    void on(FamilyFileOpened event) {
        familyId = event.familyId();
        address = event.address();
    }

    @EventSourcingHandler
    void on(GuardianJoinedFamily event) {
        guardians.add(event.guardianId());
    }

    @EventSourcingHandler
    void on(FamilyAddressChanged event) {
        address = event.address();
    }

    @EventSourcingHandler
    void on(CafNumberChanged event) {
        cafNumber = event.cafNumber();
    }

    @EventSourcingHandler
    void on(QuotientFamilialDeclared event) {
        quotientFamilial = event.quotientFamilial();
    }

    @EventSourcingHandler
    void on(EmergencyContactAdded event) {
        contacts.put(event.contact().contactId(), event.contact());
    }

    @EventSourcingHandler
    void on(EmergencyContactUpdated event) {
        contacts.put(event.contact().contactId(), event.contact());
    }

    @EventSourcingHandler
    void on(EmergencyContactRemoved event) {
        contacts.remove(event.contactId());
    }
}
