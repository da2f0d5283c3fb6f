package fr.marelle.billing.web;

import fr.marelle.billing.invoice.InvoiceCommands.CreditedUnits;
import fr.marelle.billing.invoice.InvoiceIssuing;
import fr.marelle.billing.invoice.query.InvoiceBook;
import fr.marelle.billing.invoice.query.InvoiceBook.InvoiceSummary;
import fr.marelle.billing.run.InvoiceRuns;
import fr.marelle.platform.audit.Actor;
import fr.marelle.platform.audit.ActorContext;
import fr.marelle.platform.errors.DomainException;
import fr.marelle.platform.errors.FieldViolation;
import fr.marelle.platform.security.Callers;
import fr.marelle.platform.web.RequestValidation;
import jakarta.validation.Valid;
import jakarta.validation.Validator;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.UUID;

/** Month-end runs and credit notes: finance and administrators act, auditors read. */
@RestController
class InvoicingController {

    record RunRequest(@NotBlank(message = "Le mois est obligatoire.")
                      @Pattern(regexp = "^$|^[0-9]{4}-(0[1-9]|1[0-2])$", message = "Le mois s'écrit AAAA-MM.")
                      String period) {
    }

    record RunStarted(UUID runId) {
    }

    record CreditUnits(@NotNull(message = "La ligne est obligatoire.") Integer lineIndex,
                       @NotNull(message = "La quantité est obligatoire.")
                       @Min(value = 1, message = "La quantité est d'au moins 1.") Integer quantity) {
    }

    record CreditNoteRequest(@NotBlank(message = "Le motif est obligatoire.")
                             @Size(max = 500, message = "500 caractères au plus.") String reason,
                             @NotEmpty(message = "Choisissez au moins une ligne à créditer.")
                             List<@Valid CreditUnits> lines) {
    }

    record CreditNoteIssued(UUID creditNoteId, String number, long totalCents) {
    }

    private final InvoiceRuns runs;
    private final InvoiceIssuing issuing;
    private final InvoiceBook invoices;
    private final Validator validator;

    InvoicingController(InvoiceRuns runs, InvoiceIssuing issuing, InvoiceBook invoices, Validator validator) {
        this.runs = runs;
        this.issuing = issuing;
        this.invoices = invoices;
        this.validator = validator;
    }

    @PostMapping("/api/invoice-runs")
    @ResponseStatus(HttpStatus.ACCEPTED)
    RunStarted start(@RequestBody RunRequest request) {
        Actor actor = Callers.require(Roles.MANAGE);
        RequestValidation.check(validator, request, List.of());
        YearMonth period = YearMonth.parse(request.period());
        String correlation = ActorContext.current().map(ActorContext.Current::correlationId).orElse(null);
        return new RunStarted(runs.start(period, actor, correlation));
    }

    @GetMapping("/api/invoice-runs")
    List<InvoiceRuns.Run> runs() {
        Callers.require(Roles.STAFF_READ);
        return runs.recent(24);
    }

    @GetMapping("/api/invoice-runs/{runId}")
    InvoiceRuns.Run run(@PathVariable UUID runId) {
        Callers.require(Roles.STAFF_READ);
        return runs.run(runId).orElseThrow(() -> DomainException.notFound("INVOICE_RUN_NOT_FOUND",
                "Émission introuvable."));
    }

    /** Invoices of a month in number order: the sequence auditors check. */
    @GetMapping("/api/invoices")
    List<InvoiceSummary> ofPeriod(@RequestParam(name = "period", required = false) String period,
                                  @RequestParam(name = "limit", defaultValue = "200") int limit,
                                  @RequestParam(name = "offset", defaultValue = "0") int offset) {
        // the period is checked after the role: a caller who may not list invoices gets 403, not a hint about input
        Callers.require(Roles.STAFF_READ);
        LocalDate start;
        try {
            start = YearMonth.parse(period == null ? "" : period).atDay(1);
        } catch (RuntimeException e) {
            throw DomainException.invalid("VALIDATION_FAILED", "Certains paramètres sont invalides.",
                    List.of(new FieldViolation("period", "FORMAT", "Le mois s'écrit AAAA-MM.")));
        }
        return invoices.issuedFor(start, Math.min(Math.max(limit, 1), 1000), Math.max(offset, 0));
    }

    @PostMapping("/api/invoices/{invoiceId}/credit-notes")
    @ResponseStatus(HttpStatus.CREATED)
    CreditNoteIssued creditNote(@PathVariable UUID invoiceId, @RequestBody CreditNoteRequest request) {
        Callers.require(Roles.MANAGE);
        RequestValidation.check(validator, request, List.of());
        invoices.summary(invoiceId).orElseThrow(FamilyBillingController::invoiceNotFound);
        InvoiceIssuing.Issued note = issuing.creditNote(invoiceId, request.reason().strip(), request.lines().stream()
                .map(l -> new CreditedUnits(l.lineIndex(), l.quantity())).toList());
        return new CreditNoteIssued(note.invoiceId(), note.number(), note.totalCents());
    }
}
