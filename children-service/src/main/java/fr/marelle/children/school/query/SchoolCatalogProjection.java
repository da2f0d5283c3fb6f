package fr.marelle.children.school.query;

import fr.marelle.children.school.SchoolEvents.ClassAdded;
import fr.marelle.children.school.SchoolEvents.ClassChanged;
import fr.marelle.children.school.SchoolEvents.ClassRemoved;
import fr.marelle.children.school.SchoolEvents.SchoolClosed;
import fr.marelle.children.school.SchoolEvents.SchoolDetailsChanged;
import fr.marelle.children.school.SchoolEvents.SchoolOpened;
import fr.marelle.children.school.SchoolEvents.SchoolReopened;
import fr.marelle.platform.audit.history.ProjectionTables;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** rm_school and rm_school_class: the schools as staff and parents choose them. */
@Component
@ProcessingGroup("school-catalog")
@ProjectionTables({"rm_school", "rm_school_class"})
class SchoolCatalogProjection {

    private final JdbcClient jdbc;

    SchoolCatalogProjection(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(SchoolOpened e) {
        jdbc.sql("""
                        INSERT INTO rm_school (school_id, name, kind, min_age, max_age, active)
                        VALUES (?, ?, ?, ?, ?, TRUE) ON CONFLICT (school_id) DO NOTHING""")
                .params(e.schoolId(), e.name(), e.kind().name(), e.minAge(), e.maxAge()).update();
    }

    @EventHandler
    void on(SchoolDetailsChanged e) {
        jdbc.sql("UPDATE rm_school SET name = ?, kind = ?, min_age = ?, max_age = ? WHERE school_id = ?")
                .params(e.name(), e.kind().name(), e.minAge(), e.maxAge(), e.schoolId()).update();
    }

    @EventHandler
    void on(SchoolClosed e) {
        jdbc.sql("UPDATE rm_school SET active = FALSE WHERE school_id = ?").param(e.schoolId()).update();
    }

    @EventHandler
    void on(SchoolReopened e) {
        jdbc.sql("UPDATE rm_school SET active = TRUE WHERE school_id = ?").param(e.schoolId()).update();
    }

    @EventHandler
    void on(ClassAdded e) {
        jdbc.sql("""
                        INSERT INTO rm_school_class (class_id, school_id, school_year, name, level)
                        VALUES (?, ?, ?, ?, ?) ON CONFLICT (class_id) DO NOTHING""")
                .params(e.classId(), e.schoolId(), e.schoolYear().toString(), e.name(), e.level()).update();
    }

    @EventHandler
    void on(ClassChanged e) {
        jdbc.sql("UPDATE rm_school_class SET name = ?, level = ? WHERE class_id = ?")
                .params(e.name(), e.level(), e.classId()).update();
    }

    @EventHandler
    void on(ClassRemoved e) {
        jdbc.sql("DELETE FROM rm_school_class WHERE class_id = ?").param(e.classId()).update();
    }

    @ResetHandler
    void reset() {
        jdbc.sql("TRUNCATE rm_school, rm_school_class").update();
    }
}
