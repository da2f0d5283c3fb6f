package fr.marelle.gateway.web.town;

import fr.marelle.gateway.config.GatewayProperties;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

/**
 * The town's identity in use: the latest version staff saved, else the deployment's configuration. Read often (every
 * page), so kept for a few seconds; several gateways see a change within that time.
 */
@Component
public class TownIdentity {

    static final String DEFAULT_PRIMARY = "#1f5f8b";
    static final String DEFAULT_DARK = "#143f5c";
    private static final Duration FRESHNESS = Duration.ofSeconds(10);

    /** One version of the identity. {@code logo} is not loaded with it (see {@link #logo()}). */
    public record Version(long version, String name, String contactEmail, String primaryColour, String darkColour,
                          boolean hasLogo, String legalNotice, String privacyNotice, OffsetDateTime changedAt,
                          String changedBy, String changedByName) {
    }

    public record Logo(byte[] bytes, String contentType, long version) {
    }

    private final JdbcClient jdbc;
    private final GatewayProperties properties;
    private final Clock clock;
    private volatile Version cached;
    private volatile Instant cachedAt = Instant.MIN;

    TownIdentity(JdbcClient jdbc, GatewayProperties properties, Clock clock) {
        this.jdbc = jdbc;
        this.properties = properties;
        this.clock = clock;
    }

    public Version current() {
        Instant now = clock.instant();
        Version version = cached;
        if (version == null || cachedAt.plus(FRESHNESS).isBefore(now)) {
            version = latest().orElseGet(this::configured);
            cached = version;
            cachedAt = now;
        }
        return version;
    }

    public String name() {
        return current().name();
    }

    public String contactEmail() {
        return current().contactEmail();
    }

    Optional<Version> latest() {
        return jdbc.sql(SELECT + " ORDER BY version DESC LIMIT 1").query(Version.class).optional();
    }

    List<Version> history() {
        return jdbc.sql(SELECT + " ORDER BY version DESC LIMIT 50").query(Version.class).list();
    }

    Optional<Logo> logo() {
        return jdbc.sql("SELECT logo, logo_type, version FROM town_identity WHERE logo IS NOT NULL "
                        + "AND version = (SELECT max(version) FROM town_identity)")
                .query((rs, row) -> new Logo(rs.getBytes("logo"), rs.getString("logo_type"), rs.getLong("version")))
                .optional();
    }

    /** Saves a new version; {@code logo} null keeps the current logo, unless {@code removeLogo}. */
    void save(Version changes, Logo logo, boolean removeLogo) {
        Logo kept = removeLogo ? null : logo != null ? logo : logo().orElse(null);
        jdbc.sql("""
                INSERT INTO town_identity (name, contact_email, primary_colour, dark_colour, logo, logo_type,
                                           legal_notice, privacy_notice, changed_by, changed_by_name)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(changes.name(), changes.contactEmail(), changes.primaryColour(), changes.darkColour(),
                        kept == null ? null : kept.bytes(), kept == null ? null : kept.contentType(),
                        changes.legalNotice(), changes.privacyNotice(), changes.changedBy(), changes.changedByName())
                .update();
        cached = null;
    }

    private Version configured() {
        return new Version(0, properties.getTown().getName(), properties.getTown().getContactEmail(), DEFAULT_PRIMARY,
                DEFAULT_DARK, false, "", "", null, null, null);
    }

    private static final String SELECT = """
            SELECT version, name, contact_email, primary_colour, dark_colour, logo IS NOT NULL AS has_logo,
                   legal_notice, privacy_notice, changed_at, changed_by, changed_by_name
            FROM town_identity""";
}
