package fr.marelle.children.child.query;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Reads of the children: a family's, one child, which families a child belongs to. */
@Component
public class ChildDirectory {

    public record ChildRow(UUID childId, String firstName, String lastName, LocalDate birthDate, UUID schoolId,
                           UUID classId, boolean archived, OffsetDateTime registeredAt) {
    }

    public record Requirements(String schoolYear, List<String> satisfied, List<String> missing) {
    }

    private final JdbcClient jdbc;

    ChildDirectory(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<ChildRow> ofFamily(UUID familyId) {
        return jdbc.sql("""
                        SELECT c.child_id, c.first_name, c.last_name, c.birth_date, c.school_id, c.class_id, c.archived,
                               c.registered_at
                        FROM rm_child c JOIN rm_child_family f ON f.child_id = c.child_id
                        WHERE f.family_id = ? ORDER BY c.archived, c.birth_date, c.first_name""")
                .param(familyId).query(ChildRow.class).list();
    }

    public Optional<ChildRow> child(UUID childId) {
        return jdbc.sql("SELECT child_id, first_name, last_name, birth_date, school_id, class_id, archived, "
                        + "registered_at FROM rm_child WHERE child_id = ?")
                .param(childId).query(ChildRow.class).optional();
    }

    public List<ChildRow> children(List<UUID> childIds) {
        if (childIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("SELECT child_id, first_name, last_name, birth_date, school_id, class_id, archived, "
                        + "registered_at FROM rm_child WHERE child_id IN (:ids) ORDER BY last_name, first_name")
                .param("ids", childIds).query(ChildRow.class).list();
    }

    public List<UUID> familiesOf(UUID childId) {
        return jdbc.sql("SELECT family_id FROM rm_child_family WHERE child_id = ? ORDER BY family_id")
                .param(childId).query(UUID.class).list();
    }

    public boolean belongsTo(UUID childId, UUID familyId) {
        return jdbc.sql("SELECT count(*) FROM rm_child_family WHERE child_id = ? AND family_id = ?")
                .params(childId, familyId).query(Long.class).single() > 0;
    }

    public Optional<Requirements> requirements(UUID childId, UUID familyId) {
        return jdbc.sql("SELECT school_year, satisfied, missing FROM rm_child_requirements "
                        + "WHERE child_id = ? AND family_id = ?")
                .params(childId, familyId)
                .query((rs, n) -> new Requirements(rs.getString(1), split(rs.getString(2)), split(rs.getString(3))))
                .optional();
    }

    private static List<String> split(String joined) {
        return joined == null || joined.isEmpty() ? List.of() : Arrays.asList(joined.split(","));
    }
}
