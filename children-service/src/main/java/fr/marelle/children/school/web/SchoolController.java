package fr.marelle.children.school.web;

import fr.marelle.children.calendar.SchoolYear;
import fr.marelle.children.school.SchoolCommands.AddClass;
import fr.marelle.children.school.SchoolCommands.ChangeClass;
import fr.marelle.children.school.SchoolCommands.ChangeSchool;
import fr.marelle.children.school.SchoolCommands.CloseSchool;
import fr.marelle.children.school.SchoolCommands.OpenSchool;
import fr.marelle.children.school.SchoolCommands.RemoveClass;
import fr.marelle.children.school.SchoolCommands.ReopenSchool;
import fr.marelle.children.school.SchoolKind;
import fr.marelle.children.school.query.SchoolCatalog;
import fr.marelle.children.school.query.SchoolCatalog.SchoolView;
import fr.marelle.children.calendar.TownCalendar;
import fr.marelle.platform.audit.Role;
import fr.marelle.platform.errors.DomainException;
import fr.marelle.platform.errors.FieldViolation;
import fr.marelle.platform.security.Callers;
import fr.marelle.platform.web.RequestValidation;
import jakarta.validation.Validator;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** Schools and their classes: read by everyone who chooses a school, managed by administrators. */
@RestController
class SchoolController {

    record SchoolRequest(@NotBlank(message = "Le nom de l'école est obligatoire.")
                         @Size(max = 120, message = "120 caractères au plus.") String name,
                         @NotNull(message = "Le type d'école est obligatoire.") SchoolKind kind,
                         @NotNull(message = "L'âge minimal est obligatoire.")
                         @Min(value = 0, message = "L'âge est compris entre 0 et 18 ans.")
                         @Max(value = 18, message = "L'âge est compris entre 0 et 18 ans.") Integer minAge,
                         @NotNull(message = "L'âge maximal est obligatoire.")
                         @Min(value = 0, message = "L'âge est compris entre 0 et 18 ans.")
                         @Max(value = 18, message = "L'âge est compris entre 0 et 18 ans.") Integer maxAge) {
    }

    record ClassRequest(@NotBlank(message = "L'année scolaire est obligatoire.") String schoolYear,
                        @NotBlank(message = "Le nom de la classe est obligatoire.")
                        @Size(max = 60, message = "60 caractères au plus.") String name,
                        @NotBlank(message = "Le niveau est obligatoire.") String level) {
    }

    record Created(UUID id) {
    }

    record Schools(String currentSchoolYear, String enrolmentSchoolYear, List<SchoolView> schools) {
    }

    private final CommandGateway commands;
    private final SchoolCatalog catalog;
    private final TownCalendar calendar;
    private final Validator validator;

    SchoolController(CommandGateway commands, SchoolCatalog catalog, TownCalendar calendar, Validator validator) {
        this.commands = commands;
        this.catalog = catalog;
        this.calendar = calendar;
        this.validator = validator;
    }

    @GetMapping("/api/schools")
    Schools schools() {
        Callers.current();
        return new Schools(calendar.currentSchoolYear().toString(), calendar.enrolmentSchoolYear().toString(),
                catalog.all());
    }

    @GetMapping("/api/schools/{schoolId}")
    SchoolView school(@PathVariable UUID schoolId) {
        Callers.current();
        return catalog.school(schoolId).orElseThrow(SchoolController::notFound);
    }

    @PostMapping("/api/schools")
    @ResponseStatus(HttpStatus.CREATED)
    Created open(@RequestBody SchoolRequest request) {
        Callers.require(Role.ADMIN);
        RequestValidation.check(validator, request, ageRange(request));
        UUID id = UUID.randomUUID();
        commands.sendAndWait(new OpenSchool(id, request.name(), request.kind(), request.minAge(), request.maxAge()));
        return new Created(id);
    }

    @PutMapping("/api/schools/{schoolId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void change(@PathVariable UUID schoolId, @RequestBody SchoolRequest request) {
        Callers.require(Role.ADMIN);
        RequestValidation.check(validator, request, ageRange(request));
        commands.sendAndWait(new ChangeSchool(schoolId, request.name(), request.kind(), request.minAge(),
                request.maxAge()));
    }

    @PostMapping("/api/schools/{schoolId}/closure")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void close(@PathVariable UUID schoolId) {
        Callers.require(Role.ADMIN);
        commands.sendAndWait(new CloseSchool(schoolId));
    }

    @PostMapping("/api/schools/{schoolId}/reopening")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void reopen(@PathVariable UUID schoolId) {
        Callers.require(Role.ADMIN);
        commands.sendAndWait(new ReopenSchool(schoolId));
    }

    @PostMapping("/api/schools/{schoolId}/classes")
    @ResponseStatus(HttpStatus.CREATED)
    Created addClass(@PathVariable UUID schoolId, @RequestBody ClassRequest request) {
        Callers.require(Role.ADMIN);
        RequestValidation.check(validator, request, schoolYear(request.schoolYear()));
        UUID id = UUID.randomUUID();
        commands.sendAndWait(new AddClass(schoolId, id, SchoolYear.of(request.schoolYear()), request.name(),
                request.level()));
        return new Created(id);
    }

    @PutMapping("/api/schools/{schoolId}/classes/{classId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void changeClass(@PathVariable UUID schoolId, @PathVariable UUID classId, @RequestBody ClassRequest request) {
        Callers.require(Role.ADMIN);
        RequestValidation.check(validator, request, List.of());
        commands.sendAndWait(new ChangeClass(schoolId, classId, request.name(), request.level()));
    }

    @DeleteMapping("/api/schools/{schoolId}/classes/{classId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void removeClass(@PathVariable UUID schoolId, @PathVariable UUID classId) {
        Callers.require(Role.ADMIN);
        if (catalog.childrenIn(classId) > 0) {
            throw DomainException.rule("CLASS_HAS_CHILDREN",
                    "Des enfants sont inscrits dans cette classe : changez-les de classe avant de la supprimer.");
        }
        commands.sendAndWait(new RemoveClass(schoolId, classId));
    }

    private static List<FieldViolation> ageRange(SchoolRequest request) {
        List<FieldViolation> violations = new ArrayList<>();
        if (request.minAge() != null && request.maxAge() != null && request.minAge() >= request.maxAge()) {
            violations.add(new FieldViolation("maxAge", "RANGE",
                    "L'âge maximal doit être plus grand que l'âge minimal."));
        }
        return violations;
    }

    private static List<FieldViolation> schoolYear(String schoolYear) {
        if (schoolYear == null || schoolYear.isBlank()) {
            return List.of();
        }
        try {
            SchoolYear.of(schoolYear);
            return List.of();
        } catch (DomainException e) {
            return List.of(new FieldViolation("schoolYear", "FORMAT", e.getMessage()));
        }
    }

    static DomainException notFound() {
        return DomainException.notFound("SCHOOL_NOT_FOUND", "École introuvable.");
    }
}
