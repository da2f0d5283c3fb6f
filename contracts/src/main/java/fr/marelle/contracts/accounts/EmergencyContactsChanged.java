package fr.marelle.contracts.accounts;

import fr.marelle.contracts.ContractType;

import java.util.List;

/**
 * The whole list of a family's emergency contacts, after any change; those with {@code canPickUpChildren} may
 * collect the children (attendance registers show them). Key: the family id.
 */
public record EmergencyContactsChanged(String familyId, List<Contact> contacts) {

    public record Contact(String contactId, String name, String phone, boolean canPickUpChildren) {
    }

    public static final ContractType<EmergencyContactsChanged> TYPE =
            new ContractType<>("accounts", "EmergencyContactsChanged", 1, EmergencyContactsChanged.class);
}
