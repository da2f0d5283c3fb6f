package fr.marelle.children.child;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * A child's diet and allergies: only what the child's care needs, kept out of events and Kafka, in one row per child
 * that erasure deletes. Families and staff with a need (administrators, agents taking attendance) read them.
 */
@Component
public class CareNotes {

    public record CareNote(UUID childId, String dietComment, String allergies) {
        public boolean isEmpty() {
            return dietComment == null && allergies == null;
        }
    }

    private final JdbcClient jdbc;

    CareNotes(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<CareNote> of(UUID childId) {
        return jdbc.sql("SELECT child_id, diet_comment, allergies FROM care_note WHERE child_id = ?")
                .param(childId).query(CareNote.class).optional();
    }

    public List<CareNote> of(List<UUID> childIds) {
        if (childIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("SELECT child_id, diet_comment, allergies FROM care_note WHERE child_id IN (:ids)")
                .param("ids", childIds).query(CareNote.class).list();
    }

    /** @return true when something changed */
    boolean save(UUID childId, String dietComment, String allergies, Instant at) {
        CareNote next = new CareNote(childId, blankToNull(dietComment), blankToNull(allergies));
        CareNote current = of(childId).orElse(new CareNote(childId, null, null));
        if (current.equals(next)) {
            return false;
        }
        if (next.isEmpty()) {
            jdbc.sql("DELETE FROM care_note WHERE child_id = ?").param(childId).update();
        } else {
            jdbc.sql("""
                            INSERT INTO care_note (child_id, diet_comment, allergies, updated_at) VALUES (?, ?, ?, ?)
                            ON CONFLICT (child_id) DO UPDATE SET diet_comment = EXCLUDED.diet_comment,
                                allergies = EXCLUDED.allergies, updated_at = EXCLUDED.updated_at""")
                    .params(childId, next.dietComment(), next.allergies(), Timestamp.from(at)).update();
        }
        return true;
    }

    boolean erase(UUID childId) {
        return jdbc.sql("DELETE FROM care_note WHERE child_id = ?").param(childId).update() > 0;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
