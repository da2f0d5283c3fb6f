package fr.marelle.accounts.family;

import org.axonframework.serialization.Revision;

/** Facts about a family file. Who did it, when and from where is in each event's metadata. */
public final class FamilyEvents {

    private FamilyEvents() {
    }

    @Revision("1")
    public record FamilyFileOpened(FamilyId familyId, GuardianId guardianId, Civility civility, String firstName,
                                   String lastName, String email, String phone, Address address, String language) {
    }
}
