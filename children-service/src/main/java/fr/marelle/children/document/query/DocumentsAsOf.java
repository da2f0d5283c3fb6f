package fr.marelle.children.document.query;

import fr.marelle.platform.audit.history.TimeTravelView;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * For the audit console: the documents a family had sent, and the state of each, as of any instant (every document
 * event names the family). The catalogue is not part of it: its events name no family.
 */
@Component
class DocumentsAsOf implements TimeTravelView {

    @Override
    public String name() {
        return "documents";
    }

    @Override
    public String processingGroup() {
        return "document-register";
    }

    @Override
    public Object read(JdbcClient readModel, String familyId) {
        return readModel.sql("""
                        SELECT document_id, kind, title, child_id, file_name, school_year, status, reason, valid_from,
                               valid_until, submitted_at, submitted_by_role, reviewed_at
                        FROM rm_document WHERE family_id::text = ? ORDER BY submitted_at, document_id""")
                .param(familyId).query().listOfRows();
    }
}
