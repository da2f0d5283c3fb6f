package fr.marelle.accounts.guardian.web;

import fr.marelle.accounts.family.EmergencyContact;
import fr.marelle.accounts.family.EmergencyContactId;
import fr.marelle.platform.validation.FrenchPhone;
import fr.marelle.platform.validation.PhoneNumbers;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.util.List;
import java.util.UUID;

/** The emergency contacts of a family as saved from the profile page (screen 8): the whole list. */
public record EmergencyContactsRequest(
        @NotNull @Size(max = 10, message = "10 personnes au plus.") List<@Valid Contact> contacts) {

    public record Contact(UUID contactId,
                          @NotBlank(message = "Le prénom et le nom sont obligatoires.")
                          @Size(max = 200, message = "200 caractères au plus.") String name,
                          @NotBlank(message = "Le téléphone est obligatoire.") @FrenchPhone String phone,
                          boolean canPickUpChildren) {
    }

    public List<EmergencyContact> toContacts() {
        return contacts.stream()
                .map(c -> new EmergencyContact(
                        c.contactId() == null ? EmergencyContactId.random() : new EmergencyContactId(c.contactId()),
                        c.name().strip(), PhoneNumbers.toE164(c.phone()).orElseThrow(), c.canPickUpChildren()))
                .toList();
    }
}
