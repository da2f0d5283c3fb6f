package fr.marelle.gateway.web.billing;

import fr.marelle.gateway.services.ServiceProblem;
import fr.marelle.gateway.services.ServiceUnavailable;
import fr.marelle.gateway.services.accounts.AccountsClient;
import fr.marelle.gateway.services.billing.BillingClient;
import fr.marelle.gateway.services.billing.BillingClient.InvoiceDetail;
import fr.marelle.gateway.services.billing.BillingClient.InvoiceLine;
import fr.marelle.gateway.web.forms.FormErrors;
import fr.marelle.gateway.web.forms.Texts;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The console's billing: month end (issue a month's invoices and follow the run), a family's orders and invoices
 * with their PDFs, an invoice's lines and its credit notes (issued with a reason), and the tariff grids (prepare
 * next year's, withdraw one that has not taken effect). Finance and administrators act; auditors and agents read
 * what their role opens. billing-service checks every role again.
 */
@Controller
class BillingConsoleController {

    private static final Pattern MONTH = Pattern.compile("[0-9]{4}-(0[1-9]|1[0-2])");
    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    private final BillingClient billing;
    private final AccountsClient accounts;
    private final Texts texts;

    BillingConsoleController(BillingClient billing, AccountsClient accounts, Texts texts) {
        this.billing = billing;
        this.accounts = accounts;
        this.texts = texts;
    }

    // --- month end ---------------------------------------------------------------------------------------------

    @GetMapping("/admin/facturation")
    String invoicing(@RequestParam(name = "emission", required = false) UUID started, Model model) {
        BillingForms.RunForm form = new BillingForms.RunForm();
        form.period = YearMonth.now(PARIS).minusMonths(1).toString();
        return showInvoicing(form, texts.errors(), null, started, model);
    }

    @PostMapping("/admin/facturation/emissions")
    String startRun(@ModelAttribute("form") BillingForms.RunForm form, Model model) {
        FormErrors errors = texts.errors();
        if (BillingForms.blank(form.period)) {
            errors.reject("period", "billing.error.period.required");
        } else if (!MONTH.matcher(form.period.strip()).matches()) {
            errors.reject("period", "billing.error.period.invalid");
        }
        if (!errors.isEmpty()) {
            return showInvoicing(form, errors, null, null, model);
        }
        try {
            BillingClient.RunStarted run = billing.startRun(form.period.strip());
            return "redirect:/admin/facturation?emission=" + run.runId();
        } catch (ServiceProblem problem) {
            if (problem.isInvalidInput() && problem.fields().containsKey("period")) {
                errors.add(problem);
                return showInvoicing(form, errors, null, null, model);
            }
            if (problem.status() == 403 || problem.isNotFound()) {
                throw problem;
            }
            return showInvoicing(form, errors, texts.problem(problem), null, model);
        }
    }

    private String showInvoicing(BillingForms.RunForm form, FormErrors errors, String formError, UUID started,
                                 Model model) {
        List<BillingClient.Run> runs = billing.runs();
        model.addAttribute("form", form);
        model.addAttribute("errors", errors.asMap());
        model.addAttribute("formError", formError);
        model.addAttribute("runs", runs);
        model.addAttribute("started", started == null ? null
                : runs.stream().filter(r -> r.runId().equals(started)).findFirst().orElse(null));
        model.addAttribute("anyRunning", runs.stream().anyMatch(BillingClient.Run::isRunning));
        return "billing/console-invoicing";
    }

    // --- a family's billing ------------------------------------------------------------------------------------

    @GetMapping("/admin/facturation/familles")
    String families(@RequestParam(name = "q", defaultValue = "") String query, Model model) {
        model.addAttribute("q", query);
        model.addAttribute("families", query.isBlank() ? List.of() : accounts.searchFamilies(query.strip()));
        return "billing/console-families";
    }

    @GetMapping("/admin/facturation/familles/{familyId}")
    String family(@PathVariable UUID familyId, Model model) {
        model.addAttribute("familyId", familyId);
        model.addAttribute("familyName", familyName(familyId));
        model.addAttribute("billing", billing.familyBilling(familyId));
        return "billing/console-family";
    }

    @GetMapping("/admin/facturation/commandes/{orderId}")
    String order(@PathVariable UUID orderId, Model model) {
        BillingClient.OrderDetail detail = billing.order(orderId);
        model.addAttribute("detail", detail);
        model.addAttribute("familyName", familyName(UUID.fromString(detail.order().familyId())));
        return "billing/console-order";
    }

    @GetMapping("/admin/facturation/factures/{invoiceId}")
    String invoice(@PathVariable UUID invoiceId, Model model) {
        InvoiceDetail detail = billing.invoice(invoiceId);
        BillingForms.CreditNoteForm form = new BillingForms.CreditNoteForm();
        detail.lines().forEach(l -> form.quantities.add("0"));
        return showInvoice(detail, form, texts.errors(), null, model);
    }

    @PostMapping("/admin/facturation/factures/{invoiceId}/avoirs")
    String creditNote(@PathVariable UUID invoiceId, @ModelAttribute("form") BillingForms.CreditNoteForm form,
                      RedirectAttributes redirect, Model model) {
        InvoiceDetail detail = billing.invoice(invoiceId);
        FormErrors errors = texts.errors();
        if (BillingForms.blank(form.reason)) {
            errors.reject("reason", "billing.error.reason.required");
        } else if (form.reason.strip().length() > 500) {
            errors.reject("reason", "error.maxLength", 500);
        }
        List<Map<String, Object>> lines = new ArrayList<>();
        for (int i = 0; i < detail.lines().size(); i++) {
            InvoiceLine line = detail.lines().get(i);
            String typed = i < form.quantities.size() ? form.quantities.get(i) : "0";
            String field = "quantities[" + i + "]";
            if (BillingForms.blank(typed)) {
                continue;
            }
            int quantity;
            try {
                quantity = Integer.parseInt(typed.strip());
            } catch (NumberFormatException e) {
                errors.reject(field, "billing.error.quantity.invalid");
                continue;
            }
            if (quantity < 0 || quantity > line.creditable()) {
                errors.reject(field, "billing.error.quantity.range", line.creditable());
            } else if (quantity > 0) {
                Map<String, Object> units = new LinkedHashMap<>();
                units.put("lineIndex", line.lineIndex());
                units.put("quantity", quantity);
                lines.add(units);
            }
        }
        if (errors.isEmpty() && lines.isEmpty()) {
            errors.reject("quantities[0]", "billing.error.lines.required");
        }
        if (!errors.isEmpty()) {
            return showInvoice(detail, form, errors, null, model);
        }
        try {
            BillingClient.Issued issued = billing.issueCreditNote(invoiceId, form.reason.strip(), lines);
            redirect.addFlashAttribute("issuedCreditNote", issued.number());
            return "redirect:/admin/facturation/factures/" + invoiceId;
        } catch (ServiceProblem problem) {
            if (problem.status() == 403 || problem.isNotFound()) {
                throw problem;
            }
            if (problem.isInvalidInput() && problem.fields().containsKey("reason")) {
                errors.add(problem);
                return showInvoice(detail, form, errors, null, model);
            }
            return showInvoice(detail, form, errors, texts.problem(problem), model);
        }
    }

    private String showInvoice(InvoiceDetail detail, BillingForms.CreditNoteForm form, FormErrors errors,
                               String formError, Model model) {
        model.addAttribute("detail", detail);
        model.addAttribute("familyName", familyName(UUID.fromString(detail.invoice().familyId())));
        model.addAttribute("form", form);
        model.addAttribute("errors", errors.asMap());
        model.addAttribute("formError", formError);
        return "billing/console-invoice";
    }

    @GetMapping("/admin/facturation/factures/{invoiceId}/pdf")
    ResponseEntity<byte[]> invoicePdf(@PathVariable UUID invoiceId) {
        InvoiceDetail detail = billing.invoice(invoiceId);
        return ParentBillingController.pdf(detail.invoice().number(), billing.invoicePdf(invoiceId));
    }

    @GetMapping("/admin/facturation/avoirs/{creditNoteId}/pdf")
    ResponseEntity<byte[]> creditNotePdf(@PathVariable UUID creditNoteId) {
        return ParentBillingController.pdf("avoir-" + creditNoteId, billing.creditNotePdf(creditNoteId));
    }

    // --- tariffs -----------------------------------------------------------------------------------------------

    @GetMapping("/admin/facturation/tarifs")
    String tariffs(Model model) {
        model.addAttribute("tariffs", billing.tariffs());
        model.addAttribute("today", LocalDate.now(PARIS));
        return "billing/console-tariffs";
    }

    @GetMapping("/admin/facturation/tarifs/nouvelle-grille")
    String newGrid(@RequestParam(name = "service", required = false) String serviceId, Model model) {
        BillingForms.GridForm form = new BillingForms.GridForm();
        form.serviceId = serviceId == null ? "" : serviceId;
        form.effectiveFrom = nextSchoolYear().toString();
        return showGrid(form, texts.errors(), null, model);
    }

    @PostMapping("/admin/facturation/tarifs/nouvelle-grille")
    String publishGrid(@ModelAttribute("form") BillingForms.GridForm form, RedirectAttributes redirect,
                       Model model) {
        while (form.brackets.size() < BillingForms.BRACKET_ROWS) {
            form.brackets.add(new BillingForms.BracketRow());
        }
        FormErrors errors = texts.errors();
        List<Map<String, Object>> brackets = form.check(errors);
        if (brackets == null) {
            return showGrid(form, errors, null, model);
        }
        try {
            billing.publishGrid(form.serviceId, LocalDate.parse(form.effectiveFrom.strip()), brackets,
                    form.surchargeCents());
            redirect.addFlashAttribute("gridSaved", true);
            return "redirect:/admin/facturation/tarifs";
        } catch (ServiceProblem problem) {
            if (problem.status() == 403) {
                throw problem;
            }
            if (problem.isInvalidInput() && !problem.fields().isEmpty()) {
                problem.fields().forEach((field, error) -> errors.reject(field.replace("unitPriceCents", "unitPrice")
                        .replace("unbookedSurchargeCents", "unbookedSurcharge"), "billing.service.field",
                        error.message()));
                return showGrid(form, errors, null, model);
            }
            if (problem.is("TARIFF_EFFECT_IN_PAST") || problem.is("TARIFF_GRID_IN_FORCE")) {
                errors.add("effectiveFrom", problem);
                return showGrid(form, errors, null, model);
            }
            if (problem.is("SERVICE_NOT_FOUND")) {
                errors.add("serviceId", problem);
                return showGrid(form, errors, null, model);
            }
            return showGrid(form, errors, texts.problem(problem), model);
        }
    }

    @PostMapping("/admin/facturation/tarifs/{serviceId}/{effectiveFrom}/retrait")
    String withdrawGrid(@PathVariable String serviceId, @PathVariable String effectiveFrom,
                        RedirectAttributes redirect) {
        try {
            billing.withdrawGrid(serviceId, LocalDate.parse(effectiveFrom));
            redirect.addFlashAttribute("gridWithdrawn", true);
        } catch (ServiceProblem problem) {
            if (problem.status() == 403) {
                throw problem;
            }
            redirect.addFlashAttribute("gridRefused", texts.problem(problem));
        }
        return "redirect:/admin/facturation/tarifs";
    }

    private String showGrid(BillingForms.GridForm form, FormErrors errors, String formError, Model model) {
        model.addAttribute("form", form);
        model.addAttribute("errors", errors.asMap());
        model.addAttribute("formError", formError);
        model.addAttribute("services", billing.tariffs().stream().map(BillingClient.ServiceTariffs::service)
                .toList());
        return "billing/console-grid";
    }

    /** 1 September of the coming school year: when grids usually change. */
    static LocalDate nextSchoolYear() {
        LocalDate today = LocalDate.now(PARIS);
        LocalDate september = LocalDate.of(today.getYear(), 9, 1);
        return today.isBefore(september) ? september : september.plusYears(1);
    }

    /** The family's name for the page's title, if accounts-service answers. */
    private String familyName(UUID familyId) {
        try {
            return accounts.family(familyId).familyName();
        } catch (ServiceProblem | ServiceUnavailable e) {
            return null;
        }
    }
}
