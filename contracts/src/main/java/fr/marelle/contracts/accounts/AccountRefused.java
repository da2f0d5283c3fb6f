package fr.marelle.contracts.accounts;

import fr.marelle.contracts.ContractType;

/**
 * Staff refused to activate a parent's account, for the reason given to the parent. Key: the family id.
 */
public record AccountRefused(String familyId, String guardianId, String reason) {

    public static final ContractType<AccountRefused> TYPE =
            new ContractType<>("accounts", "AccountRefused", 1, AccountRefused.class);
}
