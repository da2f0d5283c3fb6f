package fr.marelle.contracts.accounts;

import fr.marelle.contracts.ContractType;

import java.time.Instant;

/**
 * A parent asked for a password reset link (valid one hour; obtained at render time for {@code requestId}).
 * Key: the family id.
 */
public record PasswordResetRequested(String familyId, String guardianId, String email, String requestId, Instant expiresAt) {

    public static final ContractType<PasswordResetRequested> TYPE =
            new ContractType<>("accounts", "PasswordResetRequested", 1, PasswordResetRequested.class);
}
