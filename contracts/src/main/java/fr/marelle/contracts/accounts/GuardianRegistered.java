package fr.marelle.contracts.accounts;

import fr.marelle.contracts.ContractType;

/**
 * A guardian (parent) of a family, with the details others need to write to them. {@code origin} is {@code SELF}
 * (registered on the portal) or {@code STAFF}. Phones are E.164; the login email is {@code null} for a guardian
 * without a login. Key: the family id.
 */
public record GuardianRegistered(String familyId, String guardianId, String civility, String firstName, String lastName,
                                 String mainPhone, String secondaryPhone, String loginEmail,
                                 String notificationEmail, String language, boolean newsletterConsent, String origin) {

    public static final ContractType<GuardianRegistered> TYPE =
            new ContractType<>("accounts", "GuardianRegistered", 1, GuardianRegistered.class);
}
