package fr.marelle.contracts.accounts;

import fr.marelle.contracts.ContractType;

import java.time.Instant;

/**
 * A parent asked to log in with a new address; the new address must confirm it through a single-use link.
 * Key: the family id.
 */
public record LoginEmailChangeRequested(String familyId, String guardianId, String newEmail, String requestId,
                                        Instant expiresAt) {

    public static final ContractType<LoginEmailChangeRequested> TYPE =
            new ContractType<>("accounts", "LoginEmailChangeRequested", 1, LoginEmailChangeRequested.class);
}
