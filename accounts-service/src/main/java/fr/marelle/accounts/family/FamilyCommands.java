package fr.marelle.accounts.family;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** What may be asked of a family file. */
public final class FamilyCommands {

    private FamilyCommands() {
    }

    /**
     * Staff open the file of a family that does not use the portal itself (or before it does), with its first
     * guardian. The phone is already in E.164.
     */
    public record OpenFamilyFile(@TargetAggregateIdentifier FamilyId familyId, GuardianId guardianId,
                                 Civility civility, String firstName, String lastName, String email, String phone,
                                 Address address, String language) {
    }
}
