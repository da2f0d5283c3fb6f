package fr.marelle.children.document.query;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Reads of the catalogue and of the documents sent, and each document's state as a family sees it: to provide,
 * waiting for validation, validated (until a date), refused (with the reason) or expired.
 */
@Component
public class DocumentRegister {

    public record KindView(String code, String title, String description, String scope, String requirement,
                           String validity, Integer validityMonths, boolean reviewRequired, int position,
                           UUID blankFormId, String blankFormName) {

        public boolean acceptsUploads() {
            return !"NONE".equals(requirement);
        }
    }

    public record DocumentView(UUID documentId, String kind, String title, UUID familyId, UUID childId, UUID fileId,
                               String fileName, String schoolYear, String status, String reason, LocalDate validFrom,
                               LocalDate validUntil, Integer quotientFamilial, OffsetDateTime submittedAt,
                               String submittedByRole, OffsetDateTime reviewedAt) {
    }

    /**
     * One kind for one family or child. {@code status}: TO_PROVIDE, WAITING, VALIDATED, REFUSED, EXPIRED;
     * {@code current}: the document that status is about (null when nothing was sent); {@code newer}: a document
     * waiting for validation while an older one is still valid.
     */
    public record KindStatus(KindView kind, String status, DocumentView current, DocumentView newer) {
    }

    private static final String DOCUMENT_COLUMNS = """
            document_id, kind, title, family_id, child_id, file_id, file_name, school_year, status, reason, valid_from,
            valid_until, quotient_familial, submitted_at, submitted_by_role, reviewed_at""";

    private final JdbcClient jdbc;

    DocumentRegister(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<KindView> kinds() {
        return jdbc.sql("SELECT code, title, description, scope, requirement, validity, validity_months, "
                        + "review_required, position, blank_form_id, blank_form_name FROM rm_document_kind "
                        + "ORDER BY position, code")
                .query(KindView.class).list();
    }

    public Optional<KindView> kind(String code) {
        return kinds().stream().filter(k -> k.code().equals(code)).findFirst();
    }

    public Optional<DocumentView> document(UUID documentId) {
        return jdbc.sql("SELECT " + DOCUMENT_COLUMNS + " FROM rm_document WHERE document_id = ?")
                .param(documentId).query(DocumentView.class).optional();
    }

    /** The family's own documents (not its children's). */
    public List<DocumentView> ofFamily(UUID familyId) {
        return jdbc.sql("SELECT " + DOCUMENT_COLUMNS + " FROM rm_document WHERE family_id = ? AND child_id IS NULL "
                        + "ORDER BY submitted_at DESC")
                .param(familyId).query(DocumentView.class).list();
    }

    /** A child's documents, whichever of its families sent them. */
    public List<DocumentView> ofChild(UUID childId) {
        return jdbc.sql("SELECT " + DOCUMENT_COLUMNS + " FROM rm_document WHERE child_id = ? "
                        + "ORDER BY submitted_at DESC")
                .param(childId).query(DocumentView.class).list();
    }

    /** Waiting for staff, oldest first. */
    /** How many documents wait for staff, all of them (the list of {@link #pending(int)} stops at its limit). */
    public long pendingCount() {
        return jdbc.sql("SELECT count(*) FROM rm_document WHERE status = 'SUBMITTED'").query(Long.class).single();
    }

    public List<DocumentView> pending(int limit) {
        return jdbc.sql("SELECT " + DOCUMENT_COLUMNS + " FROM rm_document WHERE status = 'SUBMITTED' "
                        + "ORDER BY submitted_at LIMIT ?")
                .param(limit).query(DocumentView.class).list();
    }

    /** The state of each kind of the given scope that the town asks for, from the documents sent (newest first). */
    public static List<KindStatus> statuses(List<KindView> kinds, String scope, List<DocumentView> documents,
                                            LocalDate today) {
        List<KindStatus> statuses = new ArrayList<>();
        for (KindView kind : kinds) {
            if (!kind.scope().equals(scope) || !kind.acceptsUploads()) {
                continue;
            }
            List<DocumentView> sent = documents.stream().filter(d -> d.kind().equals(kind.code()))
                    .sorted(Comparator.comparing(DocumentView::submittedAt).reversed()).toList();
            statuses.add(status(kind, sent, today));
        }
        return statuses;
    }

    static KindStatus status(KindView kind, List<DocumentView> newestFirst, LocalDate today) {
        Optional<DocumentView> valid = newestFirst.stream()
                .filter(d -> d.status().equals("APPROVED") && (d.validUntil() == null || !d.validUntil()
                        .isBefore(today)))
                .findFirst();
        Optional<DocumentView> waiting = newestFirst.stream().filter(d -> d.status().equals("SUBMITTED"))
                .findFirst();
        if (valid.isPresent()) {
            DocumentView newer = waiting.filter(w -> w.submittedAt().isAfter(valid.get().submittedAt()))
                    .orElse(null);
            return new KindStatus(kind, "VALIDATED", valid.get(), newer);
        }
        if (waiting.isPresent()) {
            return new KindStatus(kind, "WAITING", waiting.get(), null);
        }
        if (newestFirst.isEmpty()) {
            return new KindStatus(kind, "TO_PROVIDE", null, null);
        }
        DocumentView latest = newestFirst.get(0);
        return new KindStatus(kind, latest.status().equals("REJECTED") ? "REFUSED" : "EXPIRED", latest, null);
    }
}
