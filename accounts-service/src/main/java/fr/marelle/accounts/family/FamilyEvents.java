package fr.marelle.accounts.family;

import fr.marelle.accounts.guardian.GuardianId;
import org.axonframework.serialization.Revision;

/** Facts about a family file. Who did it, when and from where is in each event's metadata. */
public final class FamilyEvents {

    private FamilyEvents() {
    }

    @Revision("2")
    public record FamilyFileOpened(FamilyId familyId, Address address) {
    }

    @Revision("1")
    public record GuardianJoinedFamily(FamilyId familyId, GuardianId guardianId) {
    }

    @Revision("1")
    public record FamilyAddressChanged(FamilyId familyId, Address address) {
    }

    @Revision("1")
    public record CafNumberChanged(FamilyId familyId, String cafNumber) {
    }

    /** The quotient familial the family declares; billing applies it once a valid attestation backs it. */
    @Revision("1")
    public record QuotientFamilialDeclared(FamilyId familyId, Integer quotientFamilial) {
    }

    @Revision("1")
    public record EmergencyContactAdded(FamilyId familyId, EmergencyContact contact) {
    }

    @Revision("1")
    public record EmergencyContactUpdated(FamilyId familyId, EmergencyContact contact) {
    }

    @Revision("1")
    public record EmergencyContactRemoved(FamilyId familyId, EmergencyContactId contactId) {
    }
}
