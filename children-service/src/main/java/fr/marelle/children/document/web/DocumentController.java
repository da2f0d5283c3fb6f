package fr.marelle.children.document.web;

import fr.marelle.children.calendar.SchoolYear;
import fr.marelle.children.calendar.TownCalendar;
import fr.marelle.children.child.ChildAccess;
import fr.marelle.children.child.ChildAccess.ChildState;
import fr.marelle.children.child.query.ChildDirectory;
import fr.marelle.children.document.DocumentService;
import fr.marelle.children.document.query.DocumentRegister;
import fr.marelle.children.document.query.DocumentRegister.DocumentView;
import fr.marelle.children.document.query.DocumentRegister.KindStatus;
import fr.marelle.children.document.query.DocumentRegister.KindView;
import fr.marelle.children.family.KnownFamilies;
import fr.marelle.platform.audit.Actor;
import fr.marelle.platform.audit.Role;
import fr.marelle.platform.errors.DomainException;
import fr.marelle.platform.errors.ErrorKind;
import fr.marelle.platform.errors.FieldViolation;
import fr.marelle.platform.security.Callers;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import java.io.IOException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.UUID;

/** Documents (screen 10, and the child's at screens 13-14): sent by families, reviewed by staff. */
@RestController
class DocumentController {

    record ChildDocuments(UUID childId, String firstName, String lastName, boolean archived,
                          List<KindStatus> documents) {
    }

    /** Everything "Mes documents" shows: the family's documents, each child's, and what there is to download. */
    record Overview(UUID familyId, String schoolYear, List<KindStatus> family, List<ChildDocuments> children,
                    List<KindView> downloads) {
    }

    record Submitted(UUID documentId, String status) {
    }

    /** A document in the staff's queue, with what they need to decide. */
    record PendingDocument(UUID documentId, String kind, String title, UUID familyId, String familyName,
                           UUID childId, String childName, UUID fileId, String fileName, String schoolYear,
                           OffsetDateTime submittedAt, LocalDate defaultValidUntil, Integer declaredQuotientFamilial) {
    }

    record Approval(String validUntil, Integer quotientFamilial) {
    }

    record Rejection(String reason) {
    }

    private final DocumentService service;
    private final DocumentRegister register;
    private final ChildAccess access;
    private final ChildDirectory children;
    private final KnownFamilies families;
    private final TownCalendar calendar;

    DocumentController(DocumentService service, DocumentRegister register, ChildAccess access,
                       ChildDirectory children, KnownFamilies families, TownCalendar calendar) {
        this.service = service;
        this.register = register;
        this.access = access;
        this.children = children;
        this.families = families;
        this.calendar = calendar;
    }

    @GetMapping("/api/documents")
    Overview overview(@RequestParam(name = "familyId", required = false) UUID familyId) {
        UUID family = familyScope(familyId);
        LocalDate today = calendar.today();
        List<KindView> kinds = register.kinds();
        List<ChildDocuments> childDocuments = children.ofFamily(family).stream()
                .map(c -> new ChildDocuments(c.childId(), c.firstName(), c.lastName(), c.archived(),
                        DocumentRegister.statuses(kinds, "CHILD", register.ofChild(c.childId()), today)))
                .toList();
        return new Overview(family, calendar.enrolmentSchoolYear().toString(),
                DocumentRegister.statuses(kinds, "FAMILY", register.ofFamily(family), today), childDocuments,
                kinds.stream().filter(k -> k.blankFormId() != null).toList());
    }

    /**
     * Sends a document: {@code kind}, {@code childId} for a child's document, {@code familyId} when staff send it
     * for a family, and the {@code file} (PDF, JPEG or PNG, 10 MB at most).
     */
    @PostMapping(path = "/api/documents", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    Submitted submit(@RequestParam(name = "kind", required = false) String kind,
                     @RequestParam(name = "childId", required = false) String childId,
                     @RequestParam(name = "familyId", required = false) String familyId,
                     @RequestParam(name = "file", required = false) MultipartFile file) throws IOException {
        Actor caller = Callers.require(Role.PARENT, Role.ADMIN, Role.AGENT);
        KindView kindView = kind == null ? null : register.kind(kind.strip()).orElse(null);
        if (kindView == null) {
            throw field(ErrorKind.INVALID, "kind", "DOCUMENT_KIND_UNKNOWN", "Choisissez un document de la liste.");
        }
        UUID family;
        UUID child = null;
        if (childId != null && !childId.isBlank()) {
            ChildState state = access.changeable(parse(childId, ChildAccess.notFound()));
            child = state.childId();
            if (state.archived()) {
                throw DomainException.rule("CHILD_ARCHIVED", "Le dossier de cet enfant est archivé.");
            }
            family = caller.role() == Role.PARENT ? UUID.fromString(caller.familyId())
                    : familyId != null && !familyId.isBlank()
                    ? member(state, parse(familyId, familyNotFound()))
                    : state.families().stream().sorted().findFirst().orElseThrow();
        } else {
            family = familyScope(familyId == null || familyId.isBlank() ? null
                    : parse(familyId, familyNotFound()));
            if (caller.role() != Role.PARENT && !families.exists(family)) {
                throw familyNotFound();
            }
        }
        if (file == null || file.isEmpty()) {
            throw field(ErrorKind.INVALID, "file", "FILE_EMPTY", "Choisissez le fichier à envoyer.");
        }
        UUID documentId = service.submit(kindView, family, child, file.getOriginalFilename(), file.getBytes());
        return new Submitted(documentId, kindView.reviewRequired() ? "SUBMITTED" : "APPROVED");
    }

    /** How many documents wait for review, for the console's tile: all of them, where the list stops at 200. */
    @GetMapping("/api/documents/pending/count")
    PendingCount pendingCount() {
        Callers.require(Role.ADMIN, Role.AGENT);
        return new PendingCount(register.pendingCount());
    }

    record PendingCount(long count) {
    }

    @GetMapping("/api/documents/pending")
    List<PendingDocument> pending() {
        Callers.require(Role.ADMIN, Role.AGENT);
        LocalDate today = calendar.today();
        List<KindView> kinds = register.kinds();
        return register.pending(200).stream().map(d -> {
            KindView kind = kinds.stream().filter(k -> k.code().equals(d.kind())).findFirst().orElse(null);
            KnownFamilies.KnownFamily family = families.family(d.familyId()).orElse(null);
            String childName = d.childId() == null ? null : children.child(d.childId())
                    .map(c -> c.firstName() + " " + c.lastName()).orElse(null);
            LocalDate until = kind == null ? null : defaultValidUntil(kind, SchoolYear.of(d.schoolYear()), today);
            return new PendingDocument(d.documentId(), d.kind(), d.title(), d.familyId(),
                    family == null ? null : family.displayName(), d.childId(), childName, d.fileId(), d.fileName(),
                    d.schoolYear(), d.submittedAt(), until, family == null ? null : family.declaredQf());
        }).toList();
    }

    @GetMapping("/api/documents/{documentId}")
    DocumentView document(@PathVariable UUID documentId) {
        DocumentView document = register.document(documentId).orElseThrow(DocumentController::documentNotFound);
        if (!Callers.canSee(document.familyId().toString())
                && (document.childId() == null || !childOfCaller(document.childId()))) {
            throw documentNotFound();
        }
        return document;
    }

    @PostMapping("/api/documents/{documentId}/approval")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void approve(@PathVariable UUID documentId, @RequestBody Approval approval) {
        Callers.require(Role.ADMIN, Role.AGENT);
        register.document(documentId).orElseThrow(DocumentController::documentNotFound);
        LocalDate until = null;
        if (approval.validUntil() != null && !approval.validUntil().isBlank()) {
            try {
                until = LocalDate.parse(approval.validUntil().strip());
            } catch (DateTimeParseException e) {
                throw field(ErrorKind.INVALID, "validUntil", "DATE_FORMAT", "Cette date n'existe pas.");
            }
        }
        service.approve(documentId, until, approval.quotientFamilial());
    }

    @PostMapping("/api/documents/{documentId}/rejection")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void reject(@PathVariable UUID documentId, @RequestBody Rejection rejection) {
        Callers.require(Role.ADMIN, Role.AGENT);
        register.document(documentId).orElseThrow(DocumentController::documentNotFound);
        service.reject(documentId, rejection.reason());
    }

    private static LocalDate defaultValidUntil(KindView kind, SchoolYear year, LocalDate today) {
        return switch (kind.validity()) {
            case "SCHOOL_YEAR" -> year.lastDay();
            case "MONTHS" -> today.plusMonths(kind.validityMonths()).minusDays(1);
            default -> null;
        };
    }

    private boolean childOfCaller(UUID childId) {
        Actor caller = Callers.current();
        return caller.role() == Role.PARENT && caller.familyId() != null
                && access.state(childId).map(s -> s.families().contains(UUID.fromString(caller.familyId())))
                .orElse(false);
    }

    private static UUID member(ChildState state, UUID family) {
        if (!state.families().contains(family)) {
            throw familyNotFound();
        }
        return family;
    }

    private static UUID familyScope(UUID requested) {
        Actor caller = Callers.current();
        if (caller.role() == Role.SYSTEM || caller.role() == Role.PARENT && caller.familyId() == null) {
            throw familyNotFound();
        }
        return UUID.fromString(Callers.familyScope(requested == null ? null : requested.toString()));
    }

    private static UUID parse(String id, DomainException otherwise) {
        try {
            return UUID.fromString(id.strip());
        } catch (IllegalArgumentException e) {
            throw otherwise;
        }
    }

    static DomainException documentNotFound() {
        return DomainException.notFound("DOCUMENT_NOT_FOUND", "Document introuvable.");
    }

    static DomainException familyNotFound() {
        return DomainException.notFound("FAMILY_NOT_FOUND", "Famille introuvable.");
    }

    private static DomainException field(ErrorKind kind, String field, String code, String message) {
        return new DomainException(kind, code, message, List.of(new FieldViolation(field, code, message)));
    }
}
