package fr.marelle.children.child.query;

import fr.marelle.children.child.ChildEvents.ChildArchived;
import fr.marelle.children.child.ChildEvents.ChildDetailsChanged;
import fr.marelle.children.child.ChildEvents.ChildLinkedToFamily;
import fr.marelle.children.child.ChildEvents.ChildRegistered;
import fr.marelle.children.child.ChildEvents.ChildRequirementsEvaluated;
import fr.marelle.children.child.ChildEvents.ChildUnlinkedFromFamily;
import fr.marelle.platform.audit.history.ProjectionTables;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.Timestamp;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.time.Instant;

/** rm_child, rm_child_family, rm_child_requirements: children as families and staff list them. */
@Component
@ProcessingGroup("child-directory")
@ProjectionTables({"rm_child", "rm_child_family", "rm_child_requirements"})
class ChildDirectoryProjection {

    private final JdbcClient jdbc;

    ChildDirectoryProjection(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(ChildRegistered e, @Timestamp Instant at) {
        jdbc.sql("""
                        INSERT INTO rm_child (child_id, first_name, last_name, birth_date, school_id, registered_at)
                        VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (child_id) DO NOTHING""")
                .params(e.childId(), e.firstName(), e.lastName(), e.birthDate(), e.schoolId(),
                        java.sql.Timestamp.from(at)).update();
        link(e.childId(), e.familyId());
    }

    @EventHandler
    void on(ChildDetailsChanged e) {
        jdbc.sql("UPDATE rm_child SET first_name = ?, last_name = ?, birth_date = ?, school_id = ?, class_id = ? "
                        + "WHERE child_id = ?")
                .params(e.firstName(), e.lastName(), e.birthDate(), e.schoolId(), e.classId(), e.childId()).update();
    }

    @EventHandler
    void on(ChildLinkedToFamily e) {
        link(e.childId(), e.familyId());
    }

    @EventHandler
    void on(ChildUnlinkedFromFamily e) {
        jdbc.sql("DELETE FROM rm_child_family WHERE child_id = ? AND family_id = ?")
                .params(e.childId(), e.familyId()).update();
        jdbc.sql("DELETE FROM rm_child_requirements WHERE child_id = ? AND family_id = ?")
                .params(e.childId(), e.familyId()).update();
    }

    @EventHandler
    void on(ChildArchived e) {
        jdbc.sql("UPDATE rm_child SET archived = TRUE WHERE child_id = ?").param(e.childId()).update();
    }

    @EventHandler
    void on(ChildRequirementsEvaluated e) {
        jdbc.sql("""
                        INSERT INTO rm_child_requirements (child_id, family_id, school_year, satisfied, missing)
                        VALUES (?, ?, ?, ?, ?)
                        ON CONFLICT (child_id, family_id) DO UPDATE SET school_year = EXCLUDED.school_year,
                            satisfied = EXCLUDED.satisfied, missing = EXCLUDED.missing""")
                .params(e.childId(), e.familyId(), e.schoolYear(), String.join(",", e.satisfied()),
                        String.join(",", e.missing())).update();
    }

    private void link(java.util.UUID childId, java.util.UUID familyId) {
        jdbc.sql("INSERT INTO rm_child_family (child_id, family_id) VALUES (?, ?) ON CONFLICT DO NOTHING")
                .params(childId, familyId).update();
    }

    @ResetHandler
    void reset() {
        jdbc.sql("TRUNCATE rm_child, rm_child_family, rm_child_requirements").update();
    }
}
