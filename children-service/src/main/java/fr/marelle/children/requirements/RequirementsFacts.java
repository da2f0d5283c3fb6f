package fr.marelle.children.requirements;

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
import fr.marelle.platform.audit.history.ProjectionTables;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.messaging.annotation.MessageIdentifier;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.util.UUID;

/**
 * The facts the requirements policy decides from (req_*): the catalogue's requirements, the documents and their
 * states, each child's families. Written from the events alone, first for each event (before the
 * {@link RequirementsPolicy}, in the same processing group and unit of work), so the policy always decides on every
 * fact up to and including the event it handles. Unlike the policy, this side is rebuilt by a replay: resetting the
 * {@code requirements} processor truncates these tables and replays the events into them without a single
 * evaluation being sent (the policy is never replayed).
 */
@Component
@ProcessingGroup(RequirementsPolicy.GROUP)
@Order(1)
@ProjectionTables({"req_kind", "req_document", "req_child"})
class RequirementsFacts {

    private final JdbcClient jdbc;

    RequirementsFacts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(DocumentKindDefined e, @MessageIdentifier String eventId) {
        jdbc.sql("INSERT INTO req_kind (code, scope, requirement, requirement_event) VALUES (?, ?, ?, ?) "
                        + "ON CONFLICT (code) DO UPDATE SET scope = EXCLUDED.scope, requirement = EXCLUDED.requirement, "
                        + "requirement_event = EXCLUDED.requirement_event")
                .params(e.code(), e.scope().name(), e.requirement().name(), eventId).update();
    }

    /** Records which event changed the requirement, if this one did (a new title changes nothing here). */
    @EventHandler
    void on(DocumentKindChanged e, @MessageIdentifier String eventId) {
        jdbc.sql("UPDATE req_kind SET requirement = ?, requirement_event = ? WHERE code = ? AND requirement <> ?")
                .params(e.requirement().name(), eventId, e.code(), e.requirement().name()).update();
    }

    @EventHandler
    void on(ChildRegistered e) {
        link(e.childId(), e.familyId());
    }

    @EventHandler
    void on(ChildLinkedToFamily e) {
        link(e.childId(), e.familyId());
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
    }

    @EventHandler
    void on(DocumentRejected e) {
        jdbc.sql("UPDATE req_document SET status = 'REJECTED' WHERE document_id = ?").param(e.documentId()).update();
    }

    @EventHandler
    void on(DocumentExpired e) {
        jdbc.sql("UPDATE req_document SET status = 'EXPIRED' WHERE document_id = ?").param(e.documentId()).update();
    }

    @ResetHandler
    void reset() {
        jdbc.sql("TRUNCATE req_kind, req_document, req_child").update();
    }

    private void link(UUID childId, UUID familyId) {
        jdbc.sql("INSERT INTO req_child (child_id, family_id) VALUES (?, ?) ON CONFLICT DO NOTHING")
                .params(childId, familyId).update();
    }
}
