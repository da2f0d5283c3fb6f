package fr.marelle.contracts.accounts;

import fr.marelle.contracts.ContractType;

import java.time.Instant;

/**
 * A guardian (or, with {@code staff}, a staff member, then without family) is invited to choose a password from a
 * single-use link obtained at render time for {@code requestId}. Key: the family id, or the user id for staff.
 */
public record LoginInvitationSent(String familyId, String userId, String email, String firstName, String requestId,
                                  Instant expiresAt, boolean staff) {

    public static final ContractType<LoginInvitationSent> TYPE =
            new ContractType<>("accounts", "LoginInvitationSent", 1, LoginInvitationSent.class);
}
