package fr.marelle.accounts.family;

import fr.marelle.accounts.guardian.GuardianId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** What may be asked of a family file. */
public final class FamilyCommands {

    private FamilyCommands() {
    }

    /** A family file with its first guardian: at a parent's registration, or by staff for a family offline. */
    public record OpenFamilyFile(@TargetAggregateIdentifier FamilyId familyId, GuardianId firstGuardian,
                                 Address address, String cafNumber, Integer quotientFamilial) {
    }

    /** A second guardian (e.g. a separated parent) with a login of their own on the same family. */
    public record AddGuardianToFamily(@TargetAggregateIdentifier FamilyId familyId, GuardianId guardianId) {
    }

    /** Only staff change an address once the file is open. */
    public record ChangeFamilyAddress(@TargetAggregateIdentifier FamilyId familyId, Address address) {
    }

    /** The CAF number and quotient familial the family declares (either may be removed). */
    public record DeclareCafInformation(@TargetAggregateIdentifier FamilyId familyId, String cafNumber,
                                        Integer quotientFamilial) {
    }

    /** The family's emergency contacts as saved from the profile page: the whole list at once. */
    public record SaveEmergencyContacts(@TargetAggregateIdentifier FamilyId familyId,
                                        java.util.List<EmergencyContact> contacts) {
    }
}
