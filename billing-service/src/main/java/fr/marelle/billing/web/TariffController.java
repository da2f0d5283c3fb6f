package fr.marelle.billing.web;

import fr.marelle.billing.Cents;
import fr.marelle.billing.directory.BillingDirectory;
import fr.marelle.billing.tariff.Bracket;
import fr.marelle.billing.tariff.TariffCommands.PublishTariffGrid;
import fr.marelle.billing.tariff.TariffCommands.WithdrawTariffGrid;
import fr.marelle.billing.tariff.TariffGrid;
import fr.marelle.billing.tariff.query.TariffCatalog;
import fr.marelle.billing.tariff.query.TariffCatalog.GridView;
import fr.marelle.platform.errors.DomainException;
import fr.marelle.platform.errors.FieldViolation;
import fr.marelle.platform.security.Callers;
import fr.marelle.platform.web.RequestValidation;
import jakarta.validation.Valid;
import jakarta.validation.Validator;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Tariff grids: finance and administrators prepare them, staff read them, a family reads its own prices. */
@RestController
class TariffController {

    record BracketRequest(@Min(value = 0, message = "Le plafond est un quotient familial positif.")
                          @Max(value = 99_999, message = "Le plafond est au plus 99 999.") Integer maxQuotientFamilial,
                          @NotNull(message = "Le prix est obligatoire.")
                          @Min(value = 0, message = "Le prix n'est pas négatif.")
                          @Max(value = 100_000, message = "Le prix est au plus 1 000,00 €.") Long unitPriceCents) {
    }

    record GridRequest(@NotEmpty(message = "Une grille compte au moins une tranche.")
                       @Size(max = 10, message = "10 tranches au plus.") List<@Valid BracketRequest> brackets,
                       @NotNull(message = "La majoration est obligatoire (0 pour aucune).")
                       @Min(value = 0, message = "La majoration n'est pas négative.")
                       @Max(value = 100_000, message = "La majoration est au plus 1 000,00 €.")
                       Long unbookedSurchargeCents) {
    }

    record ServiceTariffs(BillingDirectory.Service service, List<GridView> grids, GridView inForce) {
    }

    record FamilyPrice(String serviceId, String serviceName, Long unitPriceCents, Integer quotientFamilial,
                       LocalDate tariffEffectiveFrom, String formatted) {
    }

    private final CommandGateway commands;
    private final TariffCatalog catalog;
    private final BillingDirectory directory;
    private final Validator validator;
    private final Clock clock;

    TariffController(CommandGateway commands, TariffCatalog catalog, BillingDirectory directory, Validator validator,
                     Clock clock) {
        this.commands = commands;
        this.catalog = catalog;
        this.directory = directory;
        this.validator = validator;
        this.clock = clock;
    }

    /** Every service of the catalogue with its grids (the latest date of effect first) and the one in force today. */
    @GetMapping("/api/tariffs")
    List<ServiceTariffs> tariffs() {
        Callers.require(Roles.STAFF_READ);
        LocalDate today = today();
        Map<String, List<GridView>> grids = catalog.all().stream()
                .collect(Collectors.groupingBy(GridView::serviceId));
        List<ServiceTariffs> result = new ArrayList<>();
        for (BillingDirectory.Service service : directory.services()) {
            List<GridView> ofService = grids.getOrDefault(service.serviceId(), List.of());
            result.add(new ServiceTariffs(service, ofService, ofService.stream()
                    .filter(g -> !g.effectiveFrom().isAfter(today)).findFirst().orElse(null)));
        }
        return result;
    }

    @PutMapping("/api/tariffs/{serviceId}/grids/{effectiveFrom}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void publish(@PathVariable String serviceId, @PathVariable("effectiveFrom") String effectiveFromText,
                 @RequestBody GridRequest request) {
        Callers.require(Roles.MANAGE);
        LocalDate effectiveFrom = dateOfEffect(effectiveFromText);
        RequestValidation.check(validator, request, bracketBounds(request));
        directory.service(serviceId).orElseThrow(() -> DomainException.notFound("SERVICE_NOT_FOUND",
                "Service introuvable."));
        commands.sendAndWait(new PublishTariffGrid(serviceId, effectiveFrom, request.brackets().stream()
                .map(b -> new Bracket(b.maxQuotientFamilial(), b.unitPriceCents())).toList(),
                request.unbookedSurchargeCents(), today()));
    }

    @PostMapping("/api/tariffs/{serviceId}/grids/{effectiveFrom}/withdrawal")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void withdraw(@PathVariable String serviceId, @PathVariable("effectiveFrom") String effectiveFromText) {
        Callers.require(Roles.MANAGE);
        LocalDate effectiveFrom = dateOfEffect(effectiveFromText);
        commands.sendAndWait(new WithdrawTariffGrid(serviceId, effectiveFrom, today()));
    }

    /**
     * The date of effect in the address, read after the caller's role is checked: a role that may not manage tariffs
     * is refused (403) whatever the address holds, before being told what a date looks like.
     */
    private static LocalDate dateOfEffect(String text) {
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw DomainException.invalid("VALIDATION_FAILED", "Certains paramètres sont invalides.",
                    List.of(new FieldViolation("effectiveFrom", "FORMAT", "La date s'écrit AAAA-MM-JJ.")));
        }
    }

    /** "Votre tarif : 1,90 €": each service's unit price for the family on a day (today by default). */
    @GetMapping("/api/families/{familyId}/prices")
    List<FamilyPrice> prices(@PathVariable String familyId,
                             @RequestParam(name = "date", required = false)
                             @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date) {
        Callers.require(Roles.FAMILY_READ);
        String family = Callers.familyScope(familyId);
        LocalDate day = date != null ? date : today();
        List<BillingDirectory.Service> services = directory.services();
        Map<String, List<TariffGrid>> grids = catalog.gridsOf(services.stream()
                .map(BillingDirectory.Service::serviceId).toList());
        Integer quotient = directory.quotientOf(family).attestations().stream().filter(a -> a.covers(day))
                .findFirst().map(BillingDirectory.Attestation::quotientFamilial).orElse(null);
        return services.stream().filter(BillingDirectory.Service::active).map(s -> grids
                .getOrDefault(s.serviceId(), List.of()).stream().filter(g -> !g.effectiveFrom().isAfter(day))
                .findFirst()
                .map(g -> {
                    long unit = g.bracketFor(quotient).unitPriceCents();
                    return new FamilyPrice(s.serviceId(), s.name(), unit, quotient, g.effectiveFrom(),
                            Cents.euros(unit));
                })
                .orElse(new FamilyPrice(s.serviceId(), s.name(), null, quotient, null, null))).toList();
    }

    /** Every bracket but the last has a ceiling; the last has none. */
    private static List<FieldViolation> bracketBounds(GridRequest request) {
        List<FieldViolation> violations = new ArrayList<>();
        if (request.brackets() == null) {
            return violations;
        }
        for (int i = 0; i < request.brackets().size(); i++) {
            BracketRequest bracket = request.brackets().get(i);
            if (bracket == null) {
                continue;
            }
            boolean last = i == request.brackets().size() - 1;
            if (!last && bracket.maxQuotientFamilial() == null) {
                violations.add(new FieldViolation("brackets[" + i + "].maxQuotientFamilial", "REQUIRED",
                        "Le plafond est obligatoire, sauf pour la dernière tranche."));
            }
            if (last && bracket.maxQuotientFamilial() != null) {
                violations.add(new FieldViolation("brackets[" + i + "].maxQuotientFamilial", "FORBIDDEN",
                        "La dernière tranche n'a pas de plafond : elle vaut aussi sans attestation."));
            }
            if (i > 0 && !last && bracket.maxQuotientFamilial() != null
                    && request.brackets().get(i - 1) != null
                    && request.brackets().get(i - 1).maxQuotientFamilial() != null
                    && bracket.maxQuotientFamilial() <= request.brackets().get(i - 1).maxQuotientFamilial()) {
                violations.add(new FieldViolation("brackets[" + i + "].maxQuotientFamilial", "ORDER",
                        "Les plafonds sont croissants."));
            }
        }
        return violations;
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(Cents.PARIS));
    }
}
