package fr.marelle.planning.web;

import fr.marelle.planning.catalogue.CatalogueCommands.AttachHouseRules;
import fr.marelle.planning.catalogue.CatalogueCommands.OpenService;
import fr.marelle.planning.catalogue.CatalogueCommands.RedefineService;
import fr.marelle.planning.catalogue.CatalogueCommands.ReinstateService;
import fr.marelle.planning.catalogue.CatalogueCommands.WithdrawService;
import fr.marelle.planning.catalogue.DeadlineRule;
import fr.marelle.planning.catalogue.HouseRules;
import fr.marelle.planning.catalogue.ServiceCatalogue;
import fr.marelle.planning.catalogue.ServiceCatalogue.ServiceView;
import fr.marelle.planning.catalogue.ServiceDefinition;
import fr.marelle.planning.catalogue.ServiceRequest;
import fr.marelle.platform.audit.Actor;
import fr.marelle.platform.audit.Role;
import fr.marelle.platform.errors.DomainException;
import fr.marelle.platform.security.Callers;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.nio.charset.StandardCharsets;
import java.util.List;

/** The service catalogue: read by everyone logged in, kept by administrators. */
@RestController
class CatalogueController {

    /** A service as the pages show it; {@code deadlines} in words. */
    record ServiceResponse(String serviceId, boolean active, ServiceRequest definition, String bookingDeadline,
                           String cancellationDeadline, boolean hasHouseRules, String houseRulesFileName) {

        static ServiceResponse of(ServiceView s) {
            return new ServiceResponse(s.serviceId(), s.active(), ServiceRequest.of(s.definition()),
                    words(s.definition().bookingDeadline()), words(s.definition().cancellationDeadline()),
                    s.houseRulesDocumentId() != null, s.houseRulesFileName());
        }
    }

    record Opened(String serviceId) {
    }

    private final ServiceCatalogue catalogue;
    private final CommandGateway commands;
    private final Documents documents;

    CatalogueController(ServiceCatalogue catalogue, CommandGateway commands, Documents documents) {
        this.catalogue = catalogue;
        this.commands = commands;
        this.documents = documents;
    }

    @Allowed({Role.PARENT, Role.ADMIN, Role.AGENT, Role.FINANCE, Role.AUDITOR})
    @GetMapping("/api/services")
    List<ServiceResponse> services() {
        Actor actor = Callers.current();
        return catalogue.all().stream().filter(s -> actor.role() != Role.PARENT || s.active())
                .map(ServiceResponse::of).toList();
    }

    @Allowed({Role.PARENT, Role.ADMIN, Role.AGENT, Role.FINANCE, Role.AUDITOR})
    @GetMapping("/api/services/{serviceId}")
    ServiceResponse service(@PathVariable String serviceId) {
        Actor actor = Callers.current();
        return catalogue.find(serviceId).filter(s -> actor.role() != Role.PARENT || s.active())
                .map(ServiceResponse::of).orElseThrow(CatalogueController::notFound);
    }

    @Allowed(Role.ADMIN)
    @PostMapping("/api/services")
    @ResponseStatus(HttpStatus.CREATED)
    Opened open(@RequestBody ServiceRequest request) {
        Callers.require(Role.ADMIN);
        ServiceDefinition definition = request.toDefinition();
        String serviceId = ServiceDefinition.idOf(definition.code());
        try {
            commands.sendAndWait(new OpenService(serviceId, definition));
        } catch (RuntimeException e) {
            for (Throwable t = e; t != null; t = t.getCause()) {
                if (t instanceof AggregateStreamCreationException) {
                    throw DomainException.conflict("SERVICE_CODE_TAKEN", "Un service porte déjà ce code.");
                }
            }
            throw e;
        }
        return new Opened(serviceId);
    }

    @Allowed(Role.ADMIN)
    @PutMapping("/api/services/{serviceId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void redefine(@PathVariable String serviceId, @RequestBody ServiceRequest request) {
        Callers.require(Role.ADMIN);
        ServiceDefinition definition = request.toDefinition();
        catalogue.find(serviceId).orElseThrow(CatalogueController::notFound);
        commands.sendAndWait(new RedefineService(serviceId, definition));
    }

    @Allowed(Role.ADMIN)
    @PostMapping("/api/services/{serviceId}/withdrawal")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void withdraw(@PathVariable String serviceId) {
        Callers.require(Role.ADMIN);
        catalogue.find(serviceId).orElseThrow(CatalogueController::notFound);
        commands.sendAndWait(new WithdrawService(serviceId));
    }

    @Allowed(Role.ADMIN)
    @PostMapping("/api/services/{serviceId}/reinstatement")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void reinstate(@PathVariable String serviceId) {
        Callers.require(Role.ADMIN);
        catalogue.find(serviceId).orElseThrow(CatalogueController::notFound);
        commands.sendAndWait(new ReinstateService(serviceId));
    }

    /** The house rules: a PDF ({@code {"fileName", "contentType", "content": base64}}). */
    @Allowed(Role.ADMIN)
    @PutMapping("/api/services/{serviceId}/house-rules")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void houseRules(@PathVariable String serviceId, @RequestBody Documents.Upload upload) {
        Actor actor = Callers.require(Role.ADMIN);
        catalogue.find(serviceId).orElseThrow(CatalogueController::notFound);
        Documents.Stored stored = documents.store(Documents.HOUSE_RULES, null, upload.fileName(),
                upload.contentType(), upload.content(), actor.id());
        commands.sendAndWait(new AttachHouseRules(serviceId, new HouseRules(stored.documentId(), stored.fileName(),
                stored.sha256())));
    }

    @Allowed({Role.PARENT, Role.ADMIN, Role.AGENT, Role.FINANCE, Role.AUDITOR})
    @GetMapping("/api/services/{serviceId}/house-rules")
    ResponseEntity<byte[]> houseRules(@PathVariable String serviceId) {
        ServiceView service = catalogue.find(serviceId).filter(s -> s.houseRulesDocumentId() != null)
                .orElseThrow(() -> DomainException.notFound("HOUSE_RULES_NOT_FOUND", "Aucun règlement pour ce service."));
        Documents.Document document = documents.find(service.houseRulesDocumentId())
                .orElseThrow(() -> DomainException.notFound("HOUSE_RULES_NOT_FOUND", "Aucun règlement pour ce service."));
        return file(document);
    }

    static ResponseEntity<byte[]> file(Documents.Document document) {
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(document.contentType()))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(document.fileName(), StandardCharsets.UTF_8).build().toString())
                .body(document.content());
    }

    /** A deadline in French words, e.g. "2 jours ouvrés avant, à 10:00". */
    static String words(DeadlineRule rule) {
        String time = " à " + rule.time();
        return switch (rule.kind()) {
            case DAYS_BEFORE -> rule.days() == 0 ? "le jour même" + time
                    : rule.days() + (rule.workingDaysOnly() ? " jour(s) ouvré(s)" : " jour(s)") + " avant," + time;
            case WEEKDAY_OF_PREVIOUS_WEEK -> "le " + fr.marelle.planning.booking.BookingWords.day(rule.weekday())
                    + " de la semaine précédente," + time + (rule.workingDaysOnly() ? " (jour ouvré)" : "");
            case DAY_OF_PREVIOUS_MONTH -> "le " + rule.dayOfMonth() + " du mois précédent," + time
                    + (rule.workingDaysOnly() ? " (jour ouvré)" : "");
        };
    }

    static DomainException notFound() {
        return DomainException.notFound("SERVICE_NOT_FOUND", "Service introuvable.");
    }
}
