package fr.marelle.accounts.family;

import fr.marelle.platform.errors.DomainException;

import java.util.List;
import java.util.regex.Pattern;

/** The rules of a family file, named. */
final class FamilyRules {

    static final int MAX_GUARDIANS = 4;
    static final int MAX_EMERGENCY_CONTACTS = 10;
    static final int MAX_QUOTIENT_FAMILIAL = 99_999;
    private static final Pattern CAF_NUMBER = Pattern.compile("[0-9]{7}");
    private static final Pattern POSTCODE = Pattern.compile("[0-9]{5}");

    private FamilyRules() {
    }

    /** The CAF number has 7 digits, without the letter. */
    static void cafNumberHasSevenDigits(String cafNumber) {
        if (cafNumber != null && !CAF_NUMBER.matcher(cafNumber).matches()) {
            throw DomainException.rule("CAF_NUMBER_INVALID",
                    "Le numéro d'allocataire CAF compte 7 chiffres, sans la lettre.");
        }
    }

    /** The quotient familial is a whole number of euros, not negative. */
    static void quotientFamilialIsAnAmount(Integer quotientFamilial) {
        if (quotientFamilial != null && (quotientFamilial < 0 || quotientFamilial > MAX_QUOTIENT_FAMILIAL)) {
            throw DomainException.rule("QUOTIENT_FAMILIAL_INVALID",
                    "Le quotient familial est un nombre entier positif.");
        }
    }

    static void addressIsComplete(Address address) {
        if (address == null || address.line1().isBlank() || address.city().isBlank()
                || !POSTCODE.matcher(address.postcode()).matches()) {
            throw DomainException.rule("ADDRESS_INVALID", "L'adresse est incomplète.");
        }
    }

    static void guardiansWithinLimit(int current) {
        if (current >= MAX_GUARDIANS) {
            throw DomainException.rule("TOO_MANY_GUARDIANS",
                    "Une famille compte au plus " + MAX_GUARDIANS + " responsables légaux.");
        }
    }

    static void emergencyContactsAreValid(List<EmergencyContact> contacts) {
        if (contacts.size() > MAX_EMERGENCY_CONTACTS) {
            throw DomainException.rule("TOO_MANY_EMERGENCY_CONTACTS",
                    "Vous pouvez enregistrer au plus " + MAX_EMERGENCY_CONTACTS + " personnes à prévenir.");
        }
        long distinct = contacts.stream().map(EmergencyContact::contactId).distinct().count();
        if (distinct != contacts.size()) {
            throw DomainException.rule("EMERGENCY_CONTACT_DUPLICATED", "Une personne à prévenir figure deux fois.");
        }
        for (EmergencyContact contact : contacts) {
            if (contact.name() == null || contact.name().isBlank() || contact.phone() == null
                    || !contact.phone().startsWith("+")) {
                throw DomainException.rule("EMERGENCY_CONTACT_INVALID",
                        "Chaque personne à prévenir a un nom et un numéro de téléphone.");
            }
        }
    }
}
