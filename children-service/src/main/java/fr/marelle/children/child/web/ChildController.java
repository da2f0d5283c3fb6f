package fr.marelle.children.child.web;

import fr.marelle.children.calendar.TownCalendar;
import fr.marelle.children.child.CareNotes;
import fr.marelle.children.child.CareNotes.CareNote;
import fr.marelle.children.child.ChildAccess;
import fr.marelle.children.child.ChildAccess.ChildState;
import fr.marelle.children.child.ChildService;
import fr.marelle.children.child.query.ChildDirectory;
import fr.marelle.children.child.query.ChildDirectory.ChildRow;
import fr.marelle.children.document.DocumentKinds;
import fr.marelle.children.document.query.DocumentRegister;
import fr.marelle.children.document.query.DocumentRegister.KindStatus;
import fr.marelle.children.document.query.DocumentRegister.KindView;
import fr.marelle.children.family.KnownFamilies;
import fr.marelle.children.school.query.SchoolCatalog;
import fr.marelle.children.school.query.SchoolCatalog.SchoolView;
import fr.marelle.platform.audit.Actor;
import fr.marelle.platform.audit.Role;
import fr.marelle.platform.errors.DomainException;
import fr.marelle.platform.errors.FieldViolation;
import fr.marelle.platform.security.Callers;
import fr.marelle.platform.web.RequestValidation;
import jakarta.validation.Validator;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Children (screens 11 to 15): a family's own, or any family's for staff; care notes for those who need them. */
@RestController
class ChildController {

    record Requirement(String code, String title) {
    }

    /** A child as its family's list shows it (screen 14). */
    record ChildView(UUID childId, String firstName, String lastName, LocalDate birthDate, int age, UUID schoolId,
                     String schoolName, UUID classId, String className, boolean archived, List<UUID> families,
                     UUID photoFileId, List<KindStatus> documents, String schoolYear, List<Requirement> satisfied,
                     List<Requirement> missing, String dietComment, String allergies, boolean careNotesVisible) {
    }

    record Created(UUID childId) {
    }

    record FamilyRequest(String familyId) {
    }

    /** For attendance registers: what an agent must know to care for each child. */
    record CareNotesView(UUID childId, String firstName, String lastName, String dietComment, String allergies) {
    }

    private final ChildService children;
    private final ChildAccess access;
    private final ChildDirectory directory;
    private final SchoolCatalog schools;
    private final DocumentRegister documents;
    private final CareNotes careNotes;
    private final KnownFamilies families;
    private final TownCalendar calendar;
    private final Validator validator;

    ChildController(ChildService children, ChildAccess access, ChildDirectory directory, SchoolCatalog schools,
                    DocumentRegister documents, CareNotes careNotes, KnownFamilies families, TownCalendar calendar,
                    Validator validator) {
        this.children = children;
        this.access = access;
        this.directory = directory;
        this.schools = schools;
        this.documents = documents;
        this.careNotes = careNotes;
        this.families = families;
        this.calendar = calendar;
        this.validator = validator;
    }

    @GetMapping("/api/children")
    List<ChildView> ofFamily(@RequestParam(name = "familyId", required = false) UUID familyId) {
        Actor caller = Callers.current();
        UUID family = scope(familyId);
        Map<UUID, SchoolView> schoolsById = schoolsById();
        List<KindView> kinds = documents.kinds();
        boolean notes = mayReadCareNotes(caller);
        return directory.ofFamily(family).stream()
                .map(row -> view(row, directory.familiesOf(row.childId()), family, schoolsById, kinds, notes))
                .toList();
    }

    @GetMapping("/api/children/{childId}")
    ChildView child(@PathVariable UUID childId) {
        Actor caller = Callers.current();
        ChildState state = access.visible(childId);
        UUID family = caller.role() == Role.PARENT ? UUID.fromString(caller.familyId())
                : state.families().stream().sorted().findFirst().orElse(null);
        ChildRow row = directory.child(childId).orElse(new ChildRow(state.childId(), state.firstName(),
                state.lastName(), state.birthDate(), state.schoolId(), state.classId(), state.archived(), null));
        // its families as its events tell them, never behind: the console's pages check the family in their address
        // against them, also just after staff added the child or linked it to a second family
        List<UUID> childFamilies = state.families().stream().sorted().toList();
        return view(row, childFamilies, family, schoolsById(), documents.kinds(), mayReadCareNotes(caller));
    }

    @PostMapping("/api/children")
    @ResponseStatus(HttpStatus.CREATED)
    Created register(@RequestBody ChildRequest request) {
        Actor caller = Callers.require(Role.PARENT, Role.ADMIN, Role.AGENT);
        List<FieldViolation> violations = new ArrayList<>();
        UUID family;
        if (caller.role() == Role.PARENT) {
            family = scope(null);
        } else {
            family = ChildRequest.id("familyId", request.familyId(), "Famille introuvable.", violations);
            if (family == null && violations.isEmpty()) {
                violations.add(new FieldViolation("familyId", "REQUIRED", "La famille doit être précisée."));
            }
        }
        LocalDate birthDate = ChildRequest.date("birthDate", request.birthDate(), violations);
        SchoolView school = school(request.schoolId(), violations);
        RequestValidation.check(validator, request, violations);
        if (caller.role() != Role.PARENT && !families.exists(family)) {
            throw DomainException.notFound("FAMILY_NOT_FOUND", "Famille introuvable.");
        }
        return new Created(children.register(family, request.firstName(), request.lastName(), birthDate, school,
                request.dietComment(), request.allergies()));
    }

    @PutMapping("/api/children/{childId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void update(@PathVariable UUID childId, @RequestBody ChildRequest request) {
        access.changeable(childId);
        List<FieldViolation> violations = new ArrayList<>();
        LocalDate birthDate = ChildRequest.date("birthDate", request.birthDate(), violations);
        SchoolView school = school(request.schoolId(), violations);
        UUID classId = ChildRequest.id("classId", request.classId(), "Choisissez une classe de la liste.",
                violations);
        RequestValidation.check(validator, request, violations);
        children.update(childId, request.firstName(), request.lastName(), birthDate, school, classId,
                request.dietComment(), request.allergies());
    }

    @PostMapping("/api/children/{childId}/archive")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void archive(@PathVariable UUID childId) {
        access.changeable(childId);
        children.archive(childId);
    }

    /** Separated parents: staff link the child to the other parent's family too. */
    @PostMapping("/api/children/{childId}/families")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void link(@PathVariable UUID childId, @RequestBody FamilyRequest request) {
        Callers.require(Role.ADMIN, Role.AGENT);
        access.visible(childId);
        List<FieldViolation> violations = new ArrayList<>();
        UUID family = ChildRequest.id("familyId", request.familyId(), "Famille introuvable.", violations);
        if (family == null) {
            throw DomainException.invalid("VALIDATION_FAILED", "Certains champs sont invalides.",
                    violations.isEmpty() ? List.of(new FieldViolation("familyId", "REQUIRED",
                            "La famille doit être précisée.")) : violations);
        }
        if (!families.exists(family)) {
            throw DomainException.notFound("FAMILY_NOT_FOUND", "Famille introuvable.");
        }
        children.link(childId, family);
    }

    @DeleteMapping("/api/children/{childId}/families/{familyId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void unlink(@PathVariable UUID childId, @PathVariable UUID familyId) {
        Callers.require(Role.ADMIN, Role.AGENT);
        ChildState state = access.visible(childId);
        if (!state.families().contains(familyId)) {
            throw DomainException.notFound("FAMILY_NOT_FOUND", "Famille introuvable.");
        }
        children.unlink(childId, familyId);
    }

    /** Right to erasure: care notes and file contents of the child. */
    @PostMapping("/api/children/{childId}/sensitive-data/erasure")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void erase(@PathVariable UUID childId) {
        Callers.require(Role.ADMIN);
        access.visible(childId);
        children.eraseSensitiveData(childId);
    }

    /** Attendance registers (planning, or the agents' pages): diets and allergies of the children asked for. */
    @GetMapping("/api/children/care-notes")
    List<CareNotesView> careNotes(@RequestParam("ids") String ids) {
        Actor caller = Callers.current();
        if (!(caller.role() == Role.ADMIN || caller.role() == Role.AGENT
                || caller.role() == Role.SYSTEM && caller.id().equals("system:planning"))) {
            throw DomainException.forbidden("FORBIDDEN_ROLE", "Votre rôle ne permet pas cette action.");
        }
        List<UUID> childIds;
        try {
            childIds = Arrays.stream(ids.split(",")).map(String::strip).filter(s -> !s.isEmpty())
                    .map(UUID::fromString).distinct().limit(500).toList();
        } catch (IllegalArgumentException e) {
            throw DomainException.invalid("VALIDATION_FAILED", "Certains paramètres sont invalides.",
                    List.of(new FieldViolation("ids", "INVALID_FORMAT", "Des identifiants séparés par des virgules.")));
        }
        Map<UUID, CareNote> notes = careNotes.of(childIds).stream()
                .collect(Collectors.toMap(CareNote::childId, Function.identity()));
        return directory.children(childIds).stream().map(c -> {
            CareNote note = notes.get(c.childId());
            return new CareNotesView(c.childId(), c.firstName(), c.lastName(),
                    note == null ? null : note.dietComment(), note == null ? null : note.allergies());
        }).toList();
    }

    private ChildView view(ChildRow row, List<UUID> families, UUID family, Map<UUID, SchoolView> schoolsById,
                           List<KindView> kinds, boolean notes) {
        LocalDate today = calendar.today();
        SchoolView school = schoolsById.get(row.schoolId());
        String className = school == null || row.classId() == null ? null
                : school.schoolClass(row.classId()).map(SchoolCatalog.SchoolClassView::name).orElse(null);
        List<KindStatus> childDocuments = DocumentRegister.statuses(kinds, "CHILD", documents.ofChild(row.childId()),
                today);
        UUID photo = childDocuments.stream()
                .filter(s -> s.kind().code().equals(DocumentKinds.PHOTO) && s.current() != null
                        && !s.status().equals("REFUSED"))
                .map(s -> s.current().fileId()).findFirst().orElse(null);
        Map<String, String> titles = kinds.stream().collect(Collectors.toMap(KindView::code, KindView::title));
        ChildDirectory.Requirements requirements = family == null ? null
                : directory.requirements(row.childId(), family).orElse(null);
        CareNote note = notes ? careNotes.of(row.childId()).orElse(null) : null;
        return new ChildView(row.childId(), row.firstName(), row.lastName(), row.birthDate(),
                Period.between(row.birthDate(), today).getYears(), row.schoolId(),
                school == null ? null : school.name(), row.classId(), className, row.archived(),
                families, photo, childDocuments,
                requirements == null ? calendar.currentSchoolYear().toString() : requirements.schoolYear(),
                requirements == null ? List.of() : named(requirements.satisfied(), titles),
                requirements == null ? List.of() : named(requirements.missing(), titles),
                note == null ? null : note.dietComment(), note == null ? null : note.allergies(), notes);
    }

    private static List<Requirement> named(List<String> codes, Map<String, String> titles) {
        return codes.stream().map(c -> new Requirement(c, titles.getOrDefault(c, c))).toList();
    }

    private Map<UUID, SchoolView> schoolsById() {
        return schools.all().stream().collect(Collectors.toMap(SchoolView::schoolId, Function.identity()));
    }

    private SchoolView school(String schoolId, List<FieldViolation> violations) {
        UUID id = ChildRequest.id("schoolId", schoolId, "Cette école n'existe pas : choisissez-en une dans la liste.",
                violations);
        if (id == null) {
            return null;
        }
        SchoolView school = schools.school(id).orElse(null);
        if (school == null) {
            violations.add(new FieldViolation("schoolId", "SCHOOL_NOT_FOUND",
                    "Cette école n'existe pas : choisissez-en une dans la liste."));
        }
        return school;
    }

    /** A parent's own family whatever they ask; staff name the family. */
    static UUID scope(UUID requested) {
        Actor caller = Callers.current();
        if (caller.role() == Role.SYSTEM) {
            throw DomainException.forbidden("FORBIDDEN_ROLE", "Votre rôle ne permet pas cette action.");
        }
        if (caller.role() == Role.PARENT && caller.familyId() == null) {
            // an account not yet activated acts for no family
            throw DomainException.notFound("FAMILY_NOT_FOUND", "Famille introuvable.");
        }
        return UUID.fromString(Callers.familyScope(requested == null ? null : requested.toString()));
    }

    private static boolean mayReadCareNotes(Actor caller) {
        return Set.of(Role.PARENT, Role.ADMIN, Role.AGENT).contains(caller.role());
    }

}
