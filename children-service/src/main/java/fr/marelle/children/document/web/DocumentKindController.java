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

    @PostMapping("/api/document-kinds")
    @ResponseStatus(HttpStatus.CREATED)
    void define(@RequestBody KindRequest request) {
        Callers.require(Role.ADMIN);
        List<FieldViolation> more = request.scope() == null
                ? List.of(new FieldViolation("scope", "REQUIRED", "Choisissez si le document concerne la famille ou "
                + "un enfant.")) : List.of();
        RequestValidation.check(validator, request, more);
        if (request.code() != null && register.kind(request.code()).isPresent()) {
            throw DomainException.conflict("DOCUMENT_KIND_EXISTS", "Un document porte déjà ce code.");
        }
        service.define(new DefineDocumentKind(request.code(), request.title(), request.description(), request.scope(),
                request.requirement(), request.validity(), request.validityMonths(), request.reviewRequired(),
                100 + register.kinds().size()));
    }

    @PutMapping("/api/document-kinds/{code}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void change(@PathVariable String code, @RequestBody KindRequest request) {
        Callers.require(Role.ADMIN);
        RequestValidation.check(validator, request, List.of());
        existing(code);
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
            throw new DomainException(fr.marelle.platform.errors.ErrorKind.INVALID, "FILE_EMPTY",
                    "Choisissez le fichier à publier.", List.of(new FieldViolation("file", "FILE_EMPTY",
                    "Choisissez le fichier à publier.")));
        }
        service.publishBlankForm(code, file.getOriginalFilename(), file.getBytes());
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
