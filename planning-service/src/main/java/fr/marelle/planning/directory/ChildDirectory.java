package fr.marelle.planning.directory;

import fr.marelle.contracts.accounts.EmergencyContactsChanged;
import fr.marelle.contracts.accounts.FamilyRegistered;
import fr.marelle.contracts.children.ChildArchived;
import fr.marelle.contracts.children.ChildDetailsUpdated;
import fr.marelle.contracts.children.ChildRegistered;
import fr.marelle.contracts.children.ChildRequirementsChanged;
import fr.marelle.contracts.children.SchoolChanged;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * What planning knows of other contexts, learnt from their public events (ADR 0011): the children and whether they
 * may be booked, their schools, their families and who may pick them up. Written by the Kafka consumer in the
 * transaction that records each event as processed, in each family's order; never event-sourced here, so erasing a
 * family is deleting its rows.
 */
@Component
public class ChildDirectory {

    /** A child as the bookings need it. */
    public record ChildView(UUID childId, UUID familyId, String firstName, String lastName, LocalDate birthDate,
                            UUID schoolId, UUID classId, boolean archived, Set<String> satisfied,
                            Set<String> missing) {

        /** Bookable for a service that requires these codes: not archived, and every code satisfied. */
        public boolean bookableFor(Collection<String> required) {
            return !archived && satisfied.containsAll(required);
        }

        public String displayName() {
            return firstName + " " + lastName;
        }
    }

    public record SchoolView(UUID schoolId, String name, String kind, int minAge, int maxAge, boolean active) {
    }

    public record FamilyView(UUID familyId, String guardianFirstName, String guardianLastName) {
    }

    public record PickupPerson(String name, String phone) {
    }

    private static final String CHILD_COLUMNS = "child_id, family_id, first_name, last_name, birth_date, school_id, "
            + "class_id, archived, satisfied, missing";

    private final JdbcClient jdbc;

    ChildDirectory(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    // --------------------------------------------------------------------------------------------------- reads

    public Optional<ChildView> child(UUID childId) {
        return jdbc.sql("SELECT " + CHILD_COLUMNS + " FROM dir_child WHERE child_id = ?").param(childId)
                .query(ChildDirectory::child).optional();
    }

    public List<ChildView> children(Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("SELECT " + CHILD_COLUMNS + " FROM dir_child WHERE child_id = ANY(?)")
                .param(ids.toArray(UUID[]::new)).query(ChildDirectory::child).list();
    }

    public List<ChildView> childrenOf(UUID familyId) {
        return jdbc.sql("SELECT " + CHILD_COLUMNS + " FROM dir_child WHERE family_id = ? AND NOT archived "
                        + "ORDER BY birth_date, first_name")
                .param(familyId).query(ChildDirectory::child).list();
    }

    /** Children whose name contains the text, for staff adding a child present without booking. */
    public List<ChildView> search(String text, int limit) {
        String pattern = "%" + (text == null ? "" : text.strip().toLowerCase(java.util.Locale.ROOT)
                .replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")) + "%";
        return jdbc.sql("SELECT " + CHILD_COLUMNS + " FROM dir_child WHERE NOT archived AND first_name <> '' "
                        + "AND lower(first_name || ' ' || last_name) LIKE ? ORDER BY last_name, first_name LIMIT ?")
                .params(pattern, limit).query(ChildDirectory::child).list();
    }

    public List<SchoolView> schools() {
        return jdbc.sql("SELECT school_id, name, kind, min_age, max_age, active FROM dir_school ORDER BY name")
                .query(SchoolView.class).list();
    }

    public Optional<SchoolView> school(UUID schoolId) {
        return jdbc.sql("SELECT school_id, name, kind, min_age, max_age, active FROM dir_school WHERE school_id = ?")
                .param(schoolId).query(SchoolView.class).optional();
    }

    public Optional<FamilyView> family(UUID familyId) {
        return jdbc.sql("SELECT family_id, guardian_first_name, guardian_last_name FROM dir_family "
                        + "WHERE family_id = ?")
                .param(familyId).query(FamilyView.class).optional();
    }

    public List<PickupPerson> pickupPersons(UUID familyId) {
        return jdbc.sql("SELECT name, phone FROM dir_pickup_person WHERE family_id = ? AND can_pick_up "
                        + "ORDER BY position")
                .param(familyId).query(PickupPerson.class).list();
    }

    private static ChildView child(ResultSet rs, int row) throws SQLException {
        return new ChildView(rs.getObject("child_id", UUID.class), rs.getObject("family_id", UUID.class),
                rs.getString("first_name"), rs.getString("last_name"), rs.getObject("birth_date", LocalDate.class),
                rs.getObject("school_id", UUID.class), rs.getObject("class_id", UUID.class),
                rs.getBoolean("archived"), codes(rs.getArray("satisfied")), codes(rs.getArray("missing")));
    }

    private static Set<String> codes(Array array) throws SQLException {
        return array == null ? Set.of() : Set.of((String[]) array.getArray());
    }

    // -------------------------------------------- facts from children-service and accounts-service (consumer tx)

    public void childRegistered(ChildRegistered e, Instant at) {
        upsertChild(e.childId(), e.familyId(), e.firstName(), e.lastName(), e.birthDate(), e.schoolId(),
                e.classId(), at);
    }

    public void childDetailsUpdated(ChildDetailsUpdated e, Instant at) {
        upsertChild(e.childId(), e.familyId(), e.firstName(), e.lastName(), e.birthDate(), e.schoolId(),
                e.classId(), at);
    }

    private void upsertChild(String childId, String familyId, String firstName, String lastName, LocalDate birthDate,
                             String schoolId, String classId, Instant at) {
        jdbc.sql("""
                        INSERT INTO dir_child (child_id, family_id, first_name, last_name, birth_date, school_id,
                            class_id, updated_at)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                        ON CONFLICT (child_id) DO UPDATE SET family_id = excluded.family_id,
                            first_name = excluded.first_name, last_name = excluded.last_name,
                            birth_date = excluded.birth_date, school_id = excluded.school_id,
                            class_id = excluded.class_id, updated_at = excluded.updated_at""")
                .params(UUID.fromString(childId), UUID.fromString(familyId), firstName, lastName, birthDate,
                        uuid(schoolId), uuid(classId), at.atOffset(ZoneOffset.UTC))
                .update();
    }

    public void childArchived(ChildArchived e, Instant at) {
        jdbc.sql("UPDATE dir_child SET archived = true, updated_at = ? WHERE child_id = ?")
                .params(at.atOffset(ZoneOffset.UTC), UUID.fromString(e.childId())).update();
    }

    /** What the child satisfies now; a child not seen yet is kept (its details come with ChildRegistered). */
    public void requirementsChanged(ChildRequirementsChanged e, Instant at) {
        String[] satisfied = e.satisfied() == null ? new String[0] : e.satisfied().toArray(String[]::new);
        String[] missing = e.missing() == null ? new String[0] : e.missing().toArray(String[]::new);
        jdbc.sql("""
                        INSERT INTO dir_child (child_id, family_id, first_name, last_name, satisfied, missing,
                            requirements_year, updated_at)
                        VALUES (?, ?, '', '', ?, ?, ?, ?)
                        ON CONFLICT (child_id) DO UPDATE SET satisfied = excluded.satisfied,
                            missing = excluded.missing, requirements_year = excluded.requirements_year,
                            updated_at = excluded.updated_at""")
                .params(UUID.fromString(e.childId()), UUID.fromString(e.familyId()), satisfied, missing,
                        e.schoolYear(), at.atOffset(ZoneOffset.UTC))
                .update();
    }

    public void schoolChanged(SchoolChanged e) {
        jdbc.sql("""
                        INSERT INTO dir_school (school_id, name, kind, min_age, max_age, active)
                        VALUES (?, ?, ?, ?, ?, ?)
                        ON CONFLICT (school_id) DO UPDATE SET name = excluded.name, kind = excluded.kind,
                            min_age = excluded.min_age, max_age = excluded.max_age, active = excluded.active""")
                .params(UUID.fromString(e.schoolId()), e.name(), e.kind(), e.minAge(), e.maxAge(), e.active())
                .update();
    }

    public void familyRegistered(FamilyRegistered e) {
        jdbc.sql("""
                        INSERT INTO dir_family (family_id, guardian_first_name, guardian_last_name)
                        VALUES (?, ?, ?)
                        ON CONFLICT (family_id) DO UPDATE SET guardian_first_name = excluded.guardian_first_name,
                            guardian_last_name = excluded.guardian_last_name""")
                .params(UUID.fromString(e.familyId()), e.firstName(), e.lastName()).update();
    }

    /** The whole list replaces the previous one. */
    public void emergencyContactsChanged(EmergencyContactsChanged e) {
        UUID family = UUID.fromString(e.familyId());
        jdbc.sql("DELETE FROM dir_pickup_person WHERE family_id = ?").param(family).update();
        int position = 0;
        for (EmergencyContactsChanged.Contact contact : e.contacts()) {
            jdbc.sql("""
                            INSERT INTO dir_pickup_person (family_id, contact_id, name, phone, can_pick_up, position)
                            VALUES (?, ?, ?, ?, ?, ?)""")
                    .params(family, contact.contactId(), contact.name(), contact.phone(),
                            contact.canPickUpChildren(), position++)
                    .update();
        }
    }

    private static UUID uuid(String value) {
        return value == null || value.isBlank() ? null : UUID.fromString(value);
    }
}
