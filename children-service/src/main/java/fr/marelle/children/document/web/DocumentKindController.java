package fr.marelle.children.document.web;

import fr.marelle.children.document.DocumentKindCommands.ChangeDocumentKind;
import fr.marelle.children.document.DocumentKindCommands.DefineDocumentKind;
import fr.marelle.children.document.DocumentScope;
import fr.marelle.children.document.DocumentService;
import fr.marelle.children.document.Requirement;
import fr.marelle.children.document.Validity;
import fr.marelle.children.document.query.DocumentRegister;
import fr.marelle.children.document.query.DocumentRegister.KindView;
import fr.marelle.platform.audit.Role;
import fr.marelle.platform.errors.DomainException;
import fr.marelle.platform.errors.ErrorKind;
import fr.marelle.platform.errors.FieldViolation;
import fr.marelle.platform.security.Callers;
import fr.marelle.platform.web.RequestValidation;
import jakarta.validation.Validator;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/** The catalogue of documents: which the town asks for, how long they stay valid, the forms to download. */
@RestController
class DocumentKindController {

    record KindRequest(String code,
                       @NotBlank(message = "Le titre est obligatoire.") @Size(max = 120, message = "120 caractères au plus.")
                       String title,
                       @Size(max = 500, message = "500 caractères au plus.") String description,
                       DocumentScope scope,
                       @NotNull(message = "Choisissez si le document est demandé.") Requirement requirement,
                       @NotNull(message = "Choisissez la durée de validité.") Validity validity,
                       Integer validityMonths,
                       boolean reviewRequired) {
    }

    record Created(String code) {
    }

    private final DocumentService service;
    private final DocumentRegister register;
    private final Validator validator;

    DocumentKindController(DocumentService service, DocumentRegister register, Validator validator) {
        this.service = service;
        this.register = register;
        this.validator = validator;
    }

    @GetMapping("/api/document-kinds")
    List<KindView> kinds() {
        Callers.current();
        return register.kinds();
    }

    /**
     * A new kind. Its {@code code} may be left out: it is then made from the title (e.g. "Certificat médical" →
     * CERTIFICAT_MEDICAL). Every bad field is named in one answer.
     */
    @PostMapping("/api/document-kinds")
    @ResponseStatus(HttpStatus.CREATED)
    Created define(@RequestBody KindRequest request) {
        Callers.require(Role.ADMIN);
        List<FieldViolation> more = new ArrayList<>(DocumentService.kindViolations(request.code(),
                request.validity(), request.validityMonths()));
        if (request.scope() == null) {
            more.add(new FieldViolation("scope", "REQUIRED", "Choisissez si le document concerne la famille ou "
                    + "un enfant."));
        }
        RequestValidation.check(validator, request, more);
        List<KindView> kinds = register.kinds();
        String code = request.code() == null || request.code().isBlank()
                ? DocumentService.codeFromTitle(request.title(), taken -> kinds.stream()
                .anyMatch(k -> k.code().equals(taken)))
                : request.code().strip();
        if (kinds.stream().anyMatch(k -> k.code().equals(code))) {
            throw new DomainException(ErrorKind.CONFLICT, "DOCUMENT_KIND_EXISTS", "Un document porte déjà ce code.",
                    List.of(new FieldViolation("code", "DOCUMENT_KIND_EXISTS", "Un document porte déjà ce code.")));
        }
        service.define(new DefineDocumentKind(code, request.title(), request.description(), request.scope(),
                request.requirement(), request.validity(), request.validityMonths(), request.reviewRequired(),
                100 + kinds.size()));
        return new Created(code);
    }

    /** Its title, description, requirement, validity and review; never its code nor its scope. */
    @PutMapping("/api/document-kinds/{code}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void change(@PathVariable String code, @RequestBody KindRequest request) {
        Callers.require(Role.ADMIN);
        existing(code);
        RequestValidation.check(validator, request, DocumentService.kindViolations(null, request.validity(),
                request.validityMonths()));
        service.change(new ChangeDocumentKind(code, request.title(), request.description(), request.requirement(),
                request.validity(), request.validityMonths(), request.reviewRequired()));
    }

    @PostMapping(path = "/api/document-kinds/{code}/blank-form", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void publishBlankForm(@PathVariable String code,
                          @RequestParam(name = "file", required = false) MultipartFile file) throws IOException {
        Callers.require(Role.ADMIN);
        existing(code);
        if (file == null || file.isEmpty()) {
            throw new DomainException(ErrorKind.INVALID, "FILE_EMPTY",
                    "Choisissez le fichier à publier.", List.of(new FieldViolation("file", "FILE_EMPTY",
                    "Choisissez le fichier à publier.")));
        }
        service.publishBlankForm(code, file.getOriginalFilename(), file.getBytes());
    }

    /** Withdraws the blank form (families no longer download it); as a command, for clients that only POST. */
    @PostMapping("/api/document-kinds/{code}/blank-form/withdrawal")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void withdrawBlankFormCommand(@PathVariable String code) {
        withdrawBlankForm(code);
    }

    @DeleteMapping("/api/document-kinds/{code}/blank-form")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void withdrawBlankForm(@PathVariable String code) {
        Callers.require(Role.ADMIN);
        existing(code);
        service.withdrawBlankForm(code);
    }

    private KindView existing(String code) {
        return register.kind(code).orElseThrow(() -> DomainException.notFound("DOCUMENT_KIND_NOT_FOUND",
                "Type de document introuvable."));
    }
}
