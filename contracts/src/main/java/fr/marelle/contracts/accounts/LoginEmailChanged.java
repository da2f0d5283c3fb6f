package fr.marelle.contracts.accounts;

import fr.marelle.contracts.ContractType;

/**
 * A parent's login address changed; the previous address is told. {@code previousEmail} is {@code null} when the
 * guardian had no login before (an invitation accepted). Key: the family id.
 */
public record LoginEmailChanged(String familyId, String guardianId, String previousEmail, String newEmail) {

    public static final ContractType<LoginEmailChanged> TYPE =
            new ContractType<>("accounts", "LoginEmailChanged", 1, LoginEmailChanged.class);
}
