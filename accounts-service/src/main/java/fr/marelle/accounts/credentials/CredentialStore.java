package fr.marelle.accounts.credentials;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.sql.Timestamp;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

/** The logins table: hashes and second-factor seeds, in the caller's transaction. */
@Component
public class CredentialStore {

    private static final String COLUMNS = """
            user_id, kind, login_email, password_hash, family_id, role, status, display_name, language,
            totp_secret, totp_enabled, recovery_codes""";

    private final JdbcClient jdbc;

    CredentialStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public static String normalise(String email) {
        return email == null ? null : email.strip().toLowerCase(Locale.ROOT);
    }

    public Optional<Credential> byEmail(String email) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM credential WHERE login_email = ?").param(normalise(email))
                .query(CredentialStore::map).optional();
    }

    public Optional<Credential> byId(UUID userId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM credential WHERE user_id = ?").param(userId)
                .query(CredentialStore::map).optional();
    }

    /** Locks the row for the rest of the transaction (password checks followed by a change). */
    public Optional<Credential> lock(UUID userId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM credential WHERE user_id = ? FOR UPDATE").param(userId)
                .query(CredentialStore::map).optional();
    }

    public boolean emailTaken(String email) {
        return jdbc.sql("SELECT count(*) FROM credential WHERE login_email = ?").param(normalise(email))
                .query(Long.class).single() > 0;
    }

    public void setPassword(UUID userId, String hash, Instant at) {
        jdbc.sql("UPDATE credential SET password_hash = ?, password_changed_at = ? WHERE user_id = ?")
                .params(hash, Timestamp.from(at), userId).update();
    }

    public void setTotp(UUID userId, String sealedSecret, boolean enabled, List<String> recoveryCodeHashes) {
        jdbc.sql("UPDATE credential SET totp_secret = ?, totp_enabled = ?, recovery_codes = ? WHERE user_id = ?")
                .params(sealedSecret, enabled, recoveryCodeHashes.toArray(String[]::new), userId).update();
    }

    public void setRecoveryCodes(UUID userId, List<String> recoveryCodeHashes) {
        jdbc.sql("UPDATE credential SET recovery_codes = ? WHERE user_id = ?")
                .params(recoveryCodeHashes.toArray(String[]::new), userId).update();
    }

    public long activeAdministrators() {
        return jdbc.sql("SELECT count(*) FROM credential WHERE kind = 'STAFF' AND role = 'ADMIN' AND status = 'ACTIVE'")
                .query(Long.class).single();
    }

    public boolean anyStaff() {
        return jdbc.sql("SELECT count(*) FROM credential WHERE kind = 'STAFF'").query(Long.class).single() > 0;
    }

    private static Credential map(ResultSet rs, int row) throws SQLException {
        Array codes = rs.getArray("recovery_codes");
        return new Credential(rs.getObject("user_id", UUID.class), rs.getString("kind"),
                rs.getString("login_email"), rs.getString("password_hash"), rs.getObject("family_id", UUID.class),
                rs.getString("role"), rs.getString("status"), rs.getString("display_name"),
                rs.getString("language"), rs.getString("totp_secret"), rs.getBoolean("totp_enabled"),
                codes == null ? List.of() : Arrays.asList((String[]) codes.getArray()));
    }
}
