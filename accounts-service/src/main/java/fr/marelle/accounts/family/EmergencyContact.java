package fr.marelle.accounts.family;

/**
 * A person to call in an emergency; when {@code canPickUpChildren}, also a person allowed to collect the children
 * (shown on the attendance registers).
 */
public record EmergencyContact(EmergencyContactId contactId, String name, String phone, boolean canPickUpChildren) {
}
