package fr.marelle.accounts.credentials;

import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * argon2id hashes. Verifying against an unknown account still computes a hash, so that a login answers in the same
 * time whether the address is known or not.
 */
@Component
public class PasswordHasher {

    private final Argon2PasswordEncoder encoder = Argon2PasswordEncoder.defaultsForSpringSecurity_v5_8();
    private final String decoy = encoder.encode("decoy-password-for-unknown-accounts");

    public String hash(String password) {
        return encoder.encode(password);
    }

    /** @param hash the stored hash, or {@code null} for an unknown account (always false, same cost) */
    public boolean matches(String password, String hash) {
        if (hash == null) {
            encoder.matches(password == null ? "" : password, decoy);
            return false;
        }
        return password != null && encoder.matches(password, hash);
    }
}
