package fr.marelle.gateway.security;

import fr.marelle.gateway.config.GatewayProperties;
import fr.marelle.platform.audit.Role;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Locale;
import java.util.UUID;

/**
 * The first administrator, from configuration, or with a generated password printed once at start. Staff users
 * and parents managed in accounts-service replace this account once they exist.
 */
public class BootstrapAdministrator implements UserDetailsService {

    private static final Logger log = LoggerFactory.getLogger(BootstrapAdministrator.class);
    private static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789-_";

    private final GatewayUser administrator;

    public BootstrapAdministrator(GatewayProperties properties, PasswordEncoder encoder) {
        String email = properties.getAdmin().getEmail().strip().toLowerCase(Locale.ROOT);
        String password = properties.getAdmin().getPassword();
        if (password == null || password.isBlank()) {
            password = generate();
            log.warn("Premier administrateur : {} / mot de passe : {} (affiché une seule fois ; "
                    + "fixez MARELLE_ADMIN_PASSWORD pour le choisir)", email, password);
        }
        this.administrator = new GatewayUser(
                UUID.nameUUIDFromBytes(("staff:" + email).getBytes(StandardCharsets.UTF_8)).toString(),
                email, "Administrateur", Role.ADMIN, null, encoder.encode(password));
    }

    @Override
    public UserDetails loadUserByUsername(String username) {
        if (username != null && administrator.email().equals(username.strip().toLowerCase(Locale.ROOT))) {
            return administrator.copy();
        }
        throw new UsernameNotFoundException("unknown");
    }

    static String generate() {
        SecureRandom random = new SecureRandom();
        StringBuilder password = new StringBuilder();
        for (int i = 0; i < 20; i++) {
            password.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return password.toString();
    }
}
