package fr.marelle.children.document.query;

import fr.marelle.children.document.DocumentEvents.DocumentApproved;
import fr.marelle.children.document.DocumentEvents.DocumentExpired;
import fr.marelle.children.document.DocumentEvents.DocumentRejected;
import fr.marelle.children.document.DocumentEvents.DocumentSubmitted;
import fr.marelle.children.document.DocumentKindEvents.BlankFormPublished;
import fr.marelle.children.document.DocumentKindEvents.BlankFormWithdrawn;
import fr.marelle.children.document.DocumentKindEvents.DocumentKindChanged;
import fr.marelle.children.document.DocumentKindEvents.DocumentKindDefined;
import fr.marelle.platform.audit.AuditMetadata;
import fr.marelle.platform.audit.history.ProjectionTables;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.time.Instant;

/** rm_document_kind and rm_document: the catalogue, and every document sent with its state. */
@Component
@ProcessingGroup("document-register")
@ProjectionTables({"rm_document_kind", "rm_document"})
class DocumentRegisterProjection {

    private final JdbcClient jdbc;

    DocumentRegisterProjection(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(DocumentKindDefined e) {
        jdbc.sql("""
                        INSERT INTO rm_document_kind (code, title, description, scope, requirement, validity,
                            validity_months, review_required, position)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (code) DO NOTHING""")
                .params(e.code(), e.title(), e.description(), e.scope().name(), e.requirement().name(),
                        e.validity().name(), e.validityMonths(), e.reviewRequired(), e.position()).update();
    }

    @EventHandler
    void on(DocumentKindChanged e) {
        jdbc.sql("""
                        UPDATE rm_document_kind SET title = ?, description = ?, requirement = ?, validity = ?,
                            validity_months = ?, review_required = ? WHERE code = ?""")
                .params(e.title(), e.description(), e.requirement().name(), e.validity().name(), e.validityMonths(),
                        e.reviewRequired(), e.code()).update();
    }

    @EventHandler
    void on(BlankFormPublished e) {
        jdbc.sql("UPDATE rm_document_kind SET blank_form_id = ?, blank_form_name = ? WHERE code = ?")
                .params(e.fileId(), e.fileName(), e.code()).update();
    }

    @EventHandler
    void on(BlankFormWithdrawn e) {
        jdbc.sql("UPDATE rm_document_kind SET blank_form_id = NULL, blank_form_name = NULL WHERE code = ?")
                .param(e.code()).update();
    }

    @EventHandler
    void on(DocumentSubmitted e, @Timestamp Instant at, @MetaDataValue(AuditMetadata.ACTOR_ROLE) String role) {
        jdbc.sql("""
                        INSERT INTO rm_document (document_id, kind, title, family_id, child_id, file_id, file_name,
                            school_year, status, submitted_at, submitted_by_role)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'SUBMITTED', ?, ?) ON CONFLICT (document_id) DO NOTHING""")
                .params(e.documentId(), e.kind(), e.title(), e.familyId(), e.childId(), e.fileId(), e.fileName(),
                        e.schoolYear().toString(), java.sql.Timestamp.from(at), role).update();
    }

    @EventHandler
    void on(DocumentApproved e, @Timestamp Instant at) {
        jdbc.sql("""
                        UPDATE rm_document SET status = 'APPROVED', valid_from = ?, valid_until = ?,
                            quotient_familial = ?, reviewed_at = ? WHERE document_id = ?""")
                .params(e.validFrom(), e.validUntil(), e.quotientFamilial(), java.sql.Timestamp.from(at),
                        e.documentId()).update();
    }

    @EventHandler
    void on(DocumentRejected e, @Timestamp Instant at) {
        jdbc.sql("UPDATE rm_document SET status = 'REJECTED', reason = ?, reviewed_at = ? WHERE document_id = ?")
                .params(e.reason(), java.sql.Timestamp.from(at), e.documentId()).update();
    }

    @EventHandler
    void on(DocumentExpired e) {
        jdbc.sql("UPDATE rm_document SET status = 'EXPIRED' WHERE document_id = ?").param(e.documentId()).update();
    }

    @ResetHandler
    void reset() {
        jdbc.sql("TRUNCATE rm_document_kind, rm_document").update();
    }
}
