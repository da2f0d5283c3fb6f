package fr.marelle.contracts.accounts;

import fr.marelle.contracts.ContractType;

/**
 * A guardian gave or withdrew consent to the town's newsletter. Key: the family id.
 */
public record NewsletterConsentChanged(String familyId, String guardianId, boolean consent) {

    public static final ContractType<NewsletterConsentChanged> TYPE =
            new ContractType<>("accounts", "NewsletterConsentChanged", 1, NewsletterConsentChanged.class);
}
