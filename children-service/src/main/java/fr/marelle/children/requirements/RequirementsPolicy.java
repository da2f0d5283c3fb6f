package fr.marelle.children.requirements;

import fr.marelle.children.calendar.SchoolYearCalendar.SchoolYearStarted;
import fr.marelle.children.calendar.TownCalendar;
import fr.marelle.children.child.ChildCommands.RecordRequirements;
import fr.marelle.children.child.ChildEvents.ChildArchived;
import fr.marelle.children.child.ChildEvents.ChildLinkedToFamily;
import fr.marelle.children.child.ChildEvents.ChildRegistered;
import fr.marelle.children.child.ChildEvents.ChildUnlinkedFromFamily;
import fr.marelle.children.document.DocumentEvents.DocumentApproved;
import fr.marelle.children.document.DocumentEvents.DocumentExpired;
import fr.marelle.children.document.DocumentEvents.DocumentRejected;
import fr.marelle.children.document.DocumentEvents.DocumentSubmitted;
import fr.marelle.children.document.DocumentKindEvents.DocumentKindChanged;
import fr.marelle.children.document.DocumentKindEvents.DocumentKindDefined;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

/**
 * What each child has that services may require, for each of its families: kept up to date from the catalogue, the
 * documents, the children and the school year, and recorded on the child ({@code RecordRequirements}), which
 * publishes it when it changed. The policy keeps its own tables (req_*), in its own processing group with a single
 * segment, so that every evaluation sees every fact before it, whatever other projections are doing.
 *
 * <p>Satisfied: kinds of which the child (for a child's document) or the family (for a family's) has an approved
 * document valid today. Missing: the kinds the town requires that are not satisfied.
 */
@Component
@ProcessingGroup(RequirementsPolicy.GROUP)
class RequirementsPolicy {

    static final String GROUP = "requirements";

    private final JdbcClient jdbc;
    private final CommandGateway commands;
    private final TownCalendar calendar;

    RequirementsPolicy(JdbcClient jdbc, CommandGateway commands, TownCalendar calendar) {
        this.jdbc = jdbc;
        this.commands = commands;
        this.calendar = calendar;
    }

    @EventHandler
    void on(DocumentKindDefined e) {
        jdbc.sql("INSERT INTO req_kind (code, scope, requirement) VALUES (?, ?, ?) ON CONFLICT (code) DO UPDATE "
                        + "SET scope = EXCLUDED.scope, requirement = EXCLUDED.requirement")
                .params(e.code(), e.scope().name(), e.requirement().name()).update();
        evaluateEveryChild();
    }

    @EventHandler
    void on(DocumentKindChanged e) {
        int changed = jdbc.sql("UPDATE req_kind SET requirement = ? WHERE code = ? AND requirement <> ?")
                .params(e.requirement().name(), e.code(), e.requirement().name()).update();
        if (changed > 0) {
            evaluateEveryChild();
        }
    }

    @EventHandler
    void on(SchoolYearStarted e) {
        evaluateEveryChild();
    }

    @EventHandler
    void on(ChildRegistered e) {
        link(e.childId(), e.familyId());
        evaluate(e.childId(), e.familyId());
    }

    @EventHandler
    void on(ChildLinkedToFamily e) {
        link(e.childId(), e.familyId());
        evaluate(e.childId(), e.familyId());
    }

    @EventHandler
    void on(ChildUnlinkedFromFamily e) {
        jdbc.sql("DELETE FROM req_child WHERE child_id = ? AND family_id = ?").params(e.childId(), e.familyId())
                .update();
    }

    @EventHandler
    void on(ChildArchived e) {
        jdbc.sql("UPDATE req_child SET archived = TRUE WHERE child_id = ?").param(e.childId()).update();
    }

    @EventHandler
    void on(DocumentSubmitted e) {
        jdbc.sql("""
                        INSERT INTO req_document (document_id, kind, family_id, child_id, status)
                        VALUES (?, ?, ?, ?, 'SUBMITTED') ON CONFLICT (document_id) DO NOTHING""")
                .params(e.documentId(), e.kind(), e.familyId(), e.childId()).update();
    }

    @EventHandler
    void on(DocumentApproved e) {
        jdbc.sql("UPDATE req_document SET status = 'APPROVED', valid_until = ? WHERE document_id = ?")
                .params(e.validUntil(), e.documentId()).update();
        evaluateConcerned(e.familyId(), e.childId());
    }

    @EventHandler
    void on(DocumentRejected e) {
        jdbc.sql("UPDATE req_document SET status = 'REJECTED' WHERE document_id = ?").param(e.documentId()).update();
        evaluateConcerned(e.familyId(), e.childId());
    }

    @EventHandler
    void on(DocumentExpired e) {
        jdbc.sql("UPDATE req_document SET status = 'EXPIRED' WHERE document_id = ?").param(e.documentId()).update();
        evaluateConcerned(e.familyId(), e.childId());
    }

    @ResetHandler
    void reset() {
        jdbc.sql("TRUNCATE req_kind, req_document, req_child").update();
    }

    private void link(UUID childId, UUID familyId) {
        jdbc.sql("INSERT INTO req_child (child_id, family_id) VALUES (?, ?) ON CONFLICT DO NOTHING")
                .params(childId, familyId).update();
    }

    /** A child's document concerns the child in each of its families; a family's, every child of the family. */
    private void evaluateConcerned(UUID familyId, UUID childId) {
        String sql = childId != null
                ? "SELECT child_id, family_id FROM req_child WHERE child_id = ? AND NOT archived"
                : "SELECT child_id, family_id FROM req_child WHERE family_id = ? AND NOT archived";
        jdbc.sql(sql).param(childId != null ? childId : familyId)
                .query((rs, n) -> new UUID[]{rs.getObject(1, UUID.class), rs.getObject(2, UUID.class)}).list()
                .forEach(pair -> evaluate(pair[0], pair[1]));
    }

    private void evaluateEveryChild() {
        jdbc.sql("SELECT child_id, family_id FROM req_child WHERE NOT archived ORDER BY child_id, family_id")
                .query((rs, n) -> new UUID[]{rs.getObject(1, UUID.class), rs.getObject(2, UUID.class)}).list()
                .forEach(pair -> evaluate(pair[0], pair[1]));
    }

    private void evaluate(UUID childId, UUID familyId) {
        LocalDate today = calendar.today();
        Set<String> satisfied = new TreeSet<>(jdbc.sql("""
                        SELECT DISTINCT kind FROM req_document
                        WHERE status = 'APPROVED' AND (valid_until IS NULL OR valid_until >= ?)
                          AND (child_id = ? OR (child_id IS NULL AND family_id = ?))""")
                .params(today, childId, familyId).query(String.class).list());
        List<String> missing = new ArrayList<>();
        jdbc.sql("SELECT code FROM req_kind WHERE requirement = 'REQUIRED' ORDER BY code").query(String.class).list()
                .forEach(code -> {
                    if (!satisfied.contains(code)) {
                        missing.add(code);
                    }
                });
        commands.sendAndWait(new RecordRequirements(childId, familyId, calendar.currentSchoolYear().toString(),
                List.copyOf(satisfied), missing));
    }
}
