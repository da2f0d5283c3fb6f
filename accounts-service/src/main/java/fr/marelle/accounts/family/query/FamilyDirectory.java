package fr.marelle.accounts.family.query;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Reads of the family directory: a family file whole, searches, accounts waiting for activation. */
@Component
public class FamilyDirectory {

    public record GuardianView(UUID guardianId, UUID familyId, String origin, String status, String civility,
                               String firstName, String lastName, String mainPhone, String secondaryPhone,
                               String loginEmail, String notificationEmail, String secondaryEmail, String language,
                               boolean newsletterConsent, String refusalReason, OffsetDateTime registeredAt,
                               OffsetDateTime emailVerifiedAt, OffsetDateTime activatedAt) {
    }

    public record ContactView(UUID contactId, String name, String phone, boolean canPickUpChildren) {
    }

    public record FamilyFile(UUID familyId, String addressLine1, String addressLine2, String postcode, String city,
                             String cafNumber, Integer quotientFamilial, OffsetDateTime openedAt,
                             String openedByRole, List<GuardianView> guardians, List<ContactView> contacts) {
    }

    private record FamilyRow(UUID familyId, String addressLine1, String addressLine2, String postcode, String city,
                             String cafNumber, Integer quotientFamilial, OffsetDateTime openedAt,
                             String openedByRole) {
    }

    private static final String GUARDIAN_COLUMNS = """
            guardian_id, family_id, origin, status, civility, first_name, last_name, main_phone, secondary_phone,
            login_email, notification_email, secondary_email, language, newsletter_consent, refusal_reason,
            registered_at, email_verified_at, activated_at""";

    private final JdbcClient jdbc;

    FamilyDirectory(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<FamilyFile> family(UUID familyId) {
        return jdbc.sql("""
                        SELECT family_id, address_line1, address_line2, postcode, city, caf_number, quotient_familial,
                               opened_at, opened_by_role
                        FROM rm_family WHERE family_id = ?""")
                .param(familyId).query(FamilyRow.class).optional()
                .map(row -> new FamilyFile(row.familyId(), row.addressLine1(), row.addressLine2(), row.postcode(),
                        row.city(), row.cafNumber(), row.quotientFamilial(), row.openedAt(), row.openedByRole(),
                        guardiansOf(familyId), contactsOf(familyId)));
    }

    public List<GuardianView> guardiansOf(UUID familyId) {
        return jdbc.sql("SELECT " + GUARDIAN_COLUMNS + " FROM rm_guardian WHERE family_id = ? ORDER BY registered_at")
                .param(familyId).query(GuardianView.class).list();
    }

    public Optional<GuardianView> guardian(UUID guardianId) {
        return jdbc.sql("SELECT " + GUARDIAN_COLUMNS + " FROM rm_guardian WHERE guardian_id = ?")
                .param(guardianId).query(GuardianView.class).optional();
    }

    public List<ContactView> contactsOf(UUID familyId) {
        return jdbc.sql("SELECT contact_id, name, phone, can_pick_up_children FROM rm_emergency_contact "
                        + "WHERE family_id = ? ORDER BY position")
                .param(familyId).query(ContactView.class).list();
    }

    /**
     * The name each of these families goes by (its first guardian's last name), for lists of many families; a family
     * unknown here is absent from the answer.
     */
    public Map<UUID, String> namesOf(Collection<UUID> familyIds) {
        if (familyIds.isEmpty()) {
            return Map.of();
        }
        Map<UUID, String> names = new LinkedHashMap<>();
        jdbc.sql("""
                        SELECT DISTINCT ON (family_id) family_id, last_name FROM rm_guardian
                        WHERE family_id = ANY (?) ORDER BY family_id, registered_at""")
                .param(familyIds.toArray(UUID[]::new))
                .query((rs, row) -> names.put(rs.getObject("family_id", UUID.class), rs.getString("last_name")))
                .list();
        return names;
    }

    /** Guardians matching a text (name, address, phone, city), with their family. */
    public List<GuardianView> search(String text, int limit) {
        String pattern = "%" + (text == null ? "" : text.strip().toLowerCase(Locale.ROOT)
                .replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")) + "%";
        return jdbc.sql("SELECT " + GUARDIAN_COLUMNS + " FROM rm_guardian WHERE search_text LIKE ? "
                        + "ORDER BY lower(last_name), lower(first_name) LIMIT ?")
                .params(pattern, limit).query(GuardianView.class).list();
    }

    /** Accounts whose address is confirmed and that wait for staff, oldest first. */
    public List<GuardianView> awaitingActivation() {
        return jdbc.sql("SELECT " + GUARDIAN_COLUMNS + " FROM rm_guardian WHERE status = 'AWAITING_ACTIVATION' "
                        + "ORDER BY email_verified_at")
                .query(GuardianView.class).list();
    }
}
