package fr.marelle.contracts.accounts;

import fr.marelle.contracts.ContractType;

/**
 * A guardian changed their details (or staff did for them). Key: the family id.
 */
public record GuardianProfileUpdated(String familyId, String guardianId, String civility, String firstName, String lastName,
                                     String mainPhone, String secondaryPhone, String notificationEmail,
                                     String secondaryEmail, String language) {

    public static final ContractType<GuardianProfileUpdated> TYPE =
            new ContractType<>("accounts", "GuardianProfileUpdated", 1, GuardianProfileUpdated.class);
}
