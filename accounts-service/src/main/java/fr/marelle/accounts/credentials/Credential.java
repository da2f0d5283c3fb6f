package fr.marelle.accounts.credentials;

import java.util.List;
import java.util.UUID;

/** A login as stored: never leaves accounts-service with its hash or second-factor seed. */
public record Credential(UUID userId, String kind, String loginEmail, String passwordHash, UUID familyId,
                         String role, String status, String displayName, String language, String totpSecret,
                         boolean totpEnabled, List<String> recoveryCodes) {

    public boolean isStaff() {
        return "STAFF".equals(kind);
    }
}
