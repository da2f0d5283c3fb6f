package fr.marelle.contracts.accounts;

import fr.marelle.contracts.ContractType;

import java.time.Instant;

/**
 * A parent must confirm their login address: the email carries a single-use link, obtained from accounts-service
 * for {@code requestId} when the email is written (the link never travels here). Key: the family id.
 */
public record EmailVerificationRequested(String familyId, String guardianId, String email, String requestId, Instant expiresAt) {

    public static final ContractType<EmailVerificationRequested> TYPE =
            new ContractType<>("accounts", "EmailVerificationRequested", 1, EmailVerificationRequested.class);
}
