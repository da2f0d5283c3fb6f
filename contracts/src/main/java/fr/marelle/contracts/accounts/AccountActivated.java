package fr.marelle.contracts.accounts;

import fr.marelle.contracts.ContractType;

/**
 * Staff activated a parent's account: every feature is open. Key: the family id.
 */
public record AccountActivated(String familyId, String guardianId) {

    public static final ContractType<AccountActivated> TYPE =
            new ContractType<>("accounts", "AccountActivated", 1, AccountActivated.class);
}
