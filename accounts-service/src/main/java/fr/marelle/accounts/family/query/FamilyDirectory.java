package fr.marelle.accounts.family.query;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

/** Reads of the family directory. */
@Component
public class FamilyDirectory {

    public record FamilySummary(UUID familyId, UUID guardianId, String civility, String firstName, String lastName,
                                String email, String phone, String addressLine1, String addressLine2,
                                String postcode, String city, String language, OffsetDateTime openedAt,
                                String openedByRole) {
    }

    private static final String COLUMNS = """
            family_id, guardian_id, civility, first_name, last_name, email, phone, address_line1, address_line2,
            postcode, city, language, opened_at, opened_by_role""";

    private final JdbcClient jdbc;

    FamilyDirectory(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<FamilySummary> find(UUID familyId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM rm_family WHERE family_id = ?").param(familyId)
                .query(FamilySummary.class).optional();
    }

    public List<FamilySummary> search(String text, int limit) {
        String pattern = "%" + (text == null ? "" : text.strip().toLowerCase(Locale.ROOT)
                .replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")) + "%";
        return jdbc.sql("SELECT " + COLUMNS + " FROM rm_family WHERE search_text LIKE ? "
                        + "ORDER BY lower(last_name), lower(first_name) LIMIT ?")
                .params(pattern, limit)
                .query(FamilySummary.class).list();
    }
}
