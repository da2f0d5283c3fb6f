package fr.marelle.children.requirements;

import fr.marelle.children.calendar.SchoolYearCalendar.SchoolYearStarted;
import fr.marelle.children.calendar.TownCalendar;
import fr.marelle.children.child.ChildCommands.RecordRequirements;
import fr.marelle.children.child.ChildEvents.ChildLinkedToFamily;
import fr.marelle.children.child.ChildEvents.ChildRegistered;
import fr.marelle.children.document.DocumentEvents.DocumentApproved;
import fr.marelle.children.document.DocumentEvents.DocumentExpired;
import fr.marelle.children.document.DocumentEvents.DocumentRejected;
import fr.marelle.children.document.DocumentKindEvents.DocumentKindChanged;
import fr.marelle.children.document.DocumentKindEvents.DocumentKindDefined;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.DisallowReplay;
import org.axonframework.messaging.annotation.MessageIdentifier;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

/**
 * What each child has that services may require, for each of its families: evaluated from the facts kept by
 * {@link RequirementsFacts} (which handles every event first) whenever the catalogue, a document, a child or the school
 * year changes, and recorded on the child ({@code RecordRequirements}), which publishes it when it changed. Both sit in
 * their own processing group with a single segment, so that every evaluation sees every fact before it, whatever other
 * projections are doing.
 *
 * <p>Satisfied: kinds of which the child (for a child's document) or the family (for a family's) has an approved
 * document valid today. Missing: the kinds the town requires that are not satisfied.
 *
 * <p>Never replayed: it sends commands whose events are published. Replayed from the start, it would evaluate each
 * child on a part of its history (a photo not yet approved, a school year not yet started) and publish those passing
 * states to planning; a rebuild of its facts ({@link RequirementsFacts}) is silent, and the children keep what they
 * last recorded, which the facts' rebuild leaves true.
 */
@Component
@ProcessingGroup(RequirementsPolicy.GROUP)
@Order(2)
@DisallowReplay
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
        evaluateEveryChild();
    }

    /** Only when this event changed the requirement (the facts say so): a new title or validity changes nothing. */
    @EventHandler
    void on(DocumentKindChanged e, @MessageIdentifier String eventId) {
        boolean requirementChanged = jdbc.sql("SELECT count(*) FROM req_kind WHERE code = ? AND requirement_event = ?")
                .params(e.code(), eventId).query(Long.class).single() > 0;
        if (requirementChanged) {
            evaluateEveryChild();
        }
    }

    @EventHandler
    void on(SchoolYearStarted e) {
        evaluateEveryChild();
    }

    @EventHandler
    void on(ChildRegistered e) {
        evaluate(e.childId(), e.familyId());
    }

    @EventHandler
    void on(ChildLinkedToFamily e) {
        evaluate(e.childId(), e.familyId());
    }

    @EventHandler
    void on(DocumentApproved e) {
        evaluateConcerned(e.familyId(), e.childId());
    }

    @EventHandler
    void on(DocumentRejected e) {
        evaluateConcerned(e.familyId(), e.childId());
    }

    @EventHandler
    void on(DocumentExpired e) {
        evaluateConcerned(e.familyId(), e.childId());
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
