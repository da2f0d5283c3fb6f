package fr.marelle.children.school.query;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Reads of the schools and their classes. */
@Component
public class SchoolCatalog {

    public record SchoolClassView(UUID classId, String schoolYear, String name, String level) {
    }

    public record SchoolView(UUID schoolId, String name, String kind, int minAge, int maxAge, boolean active,
                             List<SchoolClassView> classes) {

        public Optional<SchoolClassView> schoolClass(UUID classId) {
            return classes.stream().filter(c -> c.classId().equals(classId)).findFirst();
        }

        public List<SchoolClassView> classesOf(String schoolYear) {
            return classes.stream().filter(c -> c.schoolYear().equals(schoolYear)).toList();
        }
    }

    private record SchoolRow(UUID schoolId, String name, String kind, int minAge, int maxAge, boolean active) {
    }

    private record ClassRow(UUID classId, UUID schoolId, String schoolYear, String name, String level) {
    }

    private final JdbcClient jdbc;

    SchoolCatalog(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<SchoolView> all() {
        return assemble(jdbc.sql("SELECT school_id, name, kind, min_age, max_age, active FROM rm_school "
                + "ORDER BY active DESC, kind, name").query(SchoolRow.class).list());
    }

    public Optional<SchoolView> school(UUID schoolId) {
        return assemble(jdbc.sql("SELECT school_id, name, kind, min_age, max_age, active FROM rm_school "
                + "WHERE school_id = ?").param(schoolId).query(SchoolRow.class).list()).stream().findFirst();
    }

    /** How many children (archived or not) are in a class: a class with children is not removed. */
    public long childrenIn(UUID classId) {
        return jdbc.sql("SELECT count(*) FROM rm_child WHERE class_id = ?").param(classId).query(Long.class).single();
    }

    private List<SchoolView> assemble(List<SchoolRow> rows) {
        if (rows.isEmpty()) {
            return List.of();
        }
        Map<UUID, List<SchoolClassView>> classes = new LinkedHashMap<>();
        jdbc.sql("SELECT class_id, school_id, school_year, name, level FROM rm_school_class "
                        + "WHERE school_id IN (:ids) ORDER BY school_year DESC, name")
                .param("ids", rows.stream().map(SchoolRow::schoolId).toList())
                .query(ClassRow.class).list()
                .forEach(c -> classes.computeIfAbsent(c.schoolId(), k -> new ArrayList<>())
                        .add(new SchoolClassView(c.classId(), c.schoolYear(), c.name(), c.level())));
        return rows.stream().map(r -> new SchoolView(r.schoolId(), r.name(), r.kind(), r.minAge(), r.maxAge(),
                r.active(), List.copyOf(classes.getOrDefault(r.schoolId(), List.of())))).toList();
    }
}
