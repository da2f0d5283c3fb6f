package fr.marelle.notification.directory;

import fr.marelle.contracts.accounts.FamilyAddressChanged;
import fr.marelle.contracts.accounts.GuardianProfileUpdated;
import fr.marelle.contracts.accounts.GuardianRegistered;
import fr.marelle.contracts.accounts.LoginEmailChanged;
import fr.marelle.contracts.accounts.NewsletterConsentChanged;
import fr.marelle.notification.message.Channel;
import fr.marelle.notification.message.Language;
import fr.marelle.platform.validation.PhoneNumbers;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

/**
 * Who to write to in a family, and on which channel: the guardians of each family as accounts-service publishes
 * them (names, login and notification addresses, phones, language, newsletter consent) and the family's postal
 * address ({@code directory_guardian}, {@code directory_family}).
 *
 * <p>Kept by the consumer of {@code marelle.accounts}: each update runs in the transaction that records the Kafka
 * event as processed, in the order of the family's events, so a message queued for a family's event sees every
 * earlier fact of that family. The notification address is the login address unless the guardian chose another
 * one; it follows a change of login address in that case.
 */
@Component
public class RecipientDirectory {

    /**
     * A guardian and every way to reach them.
     *
     * @param notificationEmail where the family's messages go: the address the guardian chose, else their login
     *                          address; {@code null} when they have neither
     * @param language          {@code fr} or {@code en}
     */
    public record GuardianContact(UUID guardianId, UUID familyId, String civility, String firstName, String lastName,
                                  String loginEmail, String notificationEmail, String secondaryEmail,
                                  String mainPhone, String secondaryPhone, String language,
                                  boolean newsletterConsent) {

        /** The address for this channel: the notification email, or a mobile number (main phone first) for SMS. */
        public Optional<String> addressOn(Channel channel) {
            return switch (channel) {
                case EMAIL -> Optional.ofNullable(notificationEmail);
                case SMS -> mobile(mainPhone).or(() -> mobile(secondaryPhone));
            };
        }

        private static Optional<String> mobile(String e164) {
            return e164 != null && PhoneNumbers.isMobile(e164) ? Optional.of(e164) : Optional.empty();
        }

        @Override
        public String toString() {
            return "GuardianContact[" + guardianId + " of family " + familyId + "]";
        }
    }

    /** One person to write to on one channel, with what a message needs to greet them in their language. */
    public record Recipient(UUID guardianId, Channel channel, String address, String firstName, String language) {

        @Override
        public String toString() {
            return "Recipient[" + guardianId + " by " + channel + "]";
        }
    }

    /** A family's postal address (for families written to by post). */
    public record PostalAddress(String line1, String line2, String postcode, String city) {
    }

    private static final String GUARDIAN_COLUMNS = """
            guardian_id, family_id, civility, first_name, last_name, login_email,
            coalesce(notification_email, login_email) AS notification_email, secondary_email, main_phone,
            secondary_phone, language, newsletter_consent""";

    private final JdbcClient jdbc;

    RecipientDirectory(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    // ----------------------------------------------------------------------------------------------- questions

    public Optional<GuardianContact> guardian(String guardianId) {
        UUID id = uuidOrNull(guardianId);
        if (id == null) {
            return Optional.empty();
        }
        return jdbc.sql("SELECT " + GUARDIAN_COLUMNS + " FROM directory_guardian WHERE guardian_id = ?")
                .param(id).query(GuardianContact.class).optional();
    }

    /** The family's guardians, the first registered first. */
    public List<GuardianContact> guardiansOf(String familyId) {
        UUID id = uuidOrNull(familyId);
        if (id == null) {
            return List.of();
        }
        return jdbc.sql("SELECT " + GUARDIAN_COLUMNS + " FROM directory_guardian WHERE family_id = ? "
                        + "ORDER BY registered_at, guardian_id")
                .param(id).query(GuardianContact.class).list();
    }

    /**
     * Who to write to in this family on this channel: each guardian reachable on it (their notification email, or
     * their mobile number for SMS), once per address, the first registered first.
     */
    public List<Recipient> recipientsOf(String familyId, Channel channel) {
        List<Recipient> recipients = new ArrayList<>();
        List<String> seen = new ArrayList<>();
        for (GuardianContact guardian : guardiansOf(familyId)) {
            guardian.addressOn(channel)
                    .filter(address -> !seen.contains(address.toLowerCase(Locale.ROOT)))
                    .ifPresent(address -> {
                        seen.add(address.toLowerCase(Locale.ROOT));
                        recipients.add(new Recipient(guardian.guardianId(), channel, address, guardian.firstName(),
                                guardian.language()));
                    });
        }
        return recipients;
    }

    public Optional<PostalAddress> addressOf(String familyId) {
        UUID id = uuidOrNull(familyId);
        if (id == null) {
            return Optional.empty();
        }
        return jdbc.sql("""
                        SELECT address_line1 AS line1, address_line2 AS line2, postcode, city
                        FROM directory_family WHERE family_id = ? AND address_line1 IS NOT NULL""")
                .param(id).query(PostalAddress.class).optional();
    }

    // ------------------------------------------------- facts from accounts-service, in the consumer's transaction

    public void guardianRegistered(GuardianRegistered event, Instant at) {
        jdbc.sql("""
                        INSERT INTO directory_guardian (guardian_id, family_id, civility, first_name, last_name,
                            login_email, notification_email, main_phone, secondary_phone, language,
                            newsletter_consent, registered_at, updated_at)
                        VALUES (:guardianId, :familyId, :civility, :firstName, :lastName, :loginEmail,
                            :notificationEmail, :mainPhone, :secondaryPhone, :language, :consent, :at, :at)
                        ON CONFLICT (guardian_id) DO UPDATE SET family_id = excluded.family_id,
                            civility = excluded.civility, first_name = excluded.first_name,
                            last_name = excluded.last_name, login_email = excluded.login_email,
                            notification_email = excluded.notification_email, main_phone = excluded.main_phone,
                            secondary_phone = excluded.secondary_phone, language = excluded.language,
                            newsletter_consent = excluded.newsletter_consent, updated_at = excluded.updated_at""")
                .param("guardianId", UUID.fromString(event.guardianId()))
                .param("familyId", UUID.fromString(event.familyId()))
                .param("civility", blankToNull(event.civility()))
                .param("firstName", blankToNull(event.firstName()))
                .param("lastName", blankToNull(event.lastName()))
                .param("loginEmail", email(event.loginEmail()))
                .param("notificationEmail", email(event.notificationEmail()))
                .param("mainPhone", blankToNull(event.mainPhone()))
                .param("secondaryPhone", blankToNull(event.secondaryPhone()))
                .param("language", Language.normalise(event.language()))
                .param("consent", event.newsletterConsent())
                .param("at", utc(at))
                .update();
    }

    /** The whole profile as it now is; a guardian not seen before is added (without login address). */
    public void guardianProfileUpdated(GuardianProfileUpdated event, Instant at) {
        jdbc.sql("""
                        INSERT INTO directory_guardian (guardian_id, family_id, civility, first_name, last_name,
                            notification_email, secondary_email, main_phone, secondary_phone, language,
                            registered_at, updated_at)
                        VALUES (:guardianId, :familyId, :civility, :firstName, :lastName, :notificationEmail,
                            :secondaryEmail, :mainPhone, :secondaryPhone, :language, :at, :at)
                        ON CONFLICT (guardian_id) DO UPDATE SET family_id = excluded.family_id,
                            civility = excluded.civility, first_name = excluded.first_name,
                            last_name = excluded.last_name, notification_email = excluded.notification_email,
                            secondary_email = excluded.secondary_email, main_phone = excluded.main_phone,
                            secondary_phone = excluded.secondary_phone, language = excluded.language,
                            updated_at = excluded.updated_at""")
                .param("guardianId", UUID.fromString(event.guardianId()))
                .param("familyId", UUID.fromString(event.familyId()))
                .param("civility", blankToNull(event.civility()))
                .param("firstName", blankToNull(event.firstName()))
                .param("lastName", blankToNull(event.lastName()))
                .param("notificationEmail", email(event.notificationEmail()))
                .param("secondaryEmail", email(event.secondaryEmail()))
                .param("mainPhone", blankToNull(event.mainPhone()))
                .param("secondaryPhone", blankToNull(event.secondaryPhone()))
                .param("language", Language.normalise(event.language()))
                .param("at", utc(at))
                .update();
    }

    public void loginEmailChanged(LoginEmailChanged event, Instant at) {
        jdbc.sql("UPDATE directory_guardian SET login_email = ?, updated_at = ? WHERE guardian_id = ?")
                .params(email(event.newEmail()), utc(at), UUID.fromString(event.guardianId()))
                .update();
    }

    public void newsletterConsentChanged(NewsletterConsentChanged event, Instant at) {
        jdbc.sql("UPDATE directory_guardian SET newsletter_consent = ?, updated_at = ? WHERE guardian_id = ?")
                .params(event.consent(), utc(at), UUID.fromString(event.guardianId()))
                .update();
    }

    public void familyAddressChanged(FamilyAddressChanged event, Instant at) {
        jdbc.sql("""
                        INSERT INTO directory_family (family_id, address_line1, address_line2, postcode, city,
                            updated_at)
                        VALUES (?, ?, ?, ?, ?, ?)
                        ON CONFLICT (family_id) DO UPDATE SET address_line1 = excluded.address_line1,
                            address_line2 = excluded.address_line2, postcode = excluded.postcode,
                            city = excluded.city, updated_at = excluded.updated_at""")
                .params(UUID.fromString(event.familyId()), blankToNull(event.line1()), blankToNull(event.line2()),
                        blankToNull(event.postcode()), blankToNull(event.city()), utc(at))
                .update();
    }

    private static String email(String address) {
        return blankToNull(address);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static UUID uuidOrNull(String id) {
        try {
            return id == null ? null : UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
