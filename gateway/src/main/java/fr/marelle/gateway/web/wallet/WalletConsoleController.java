package fr.marelle.gateway.web.wallet;

import fr.marelle.gateway.services.ServiceProblem;
import fr.marelle.gateway.services.accounts.AccountsClient;
import fr.marelle.gateway.services.wallet.WalletClient;
import fr.marelle.gateway.services.wallet.WalletClient.Movement;
import fr.marelle.gateway.services.wallet.WalletClient.Recorded;
import fr.marelle.gateway.web.forms.FormErrors;
import fr.marelle.gateway.web.forms.Texts;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.io.Serial;
import java.io.Serializable;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The console's wallets: a family found by name, its wallet (figures, history with who recorded each movement, what
 * is to come, card payments), and what finance staff record on the family's behalf — CESU cheques into the CESU
 * balance, cash and cheque payments, refunds and adjustments, each with its reason. Each form carries an operation
 * id chosen when it is shown: sent twice, it records one movement.
 */
@Controller
class WalletConsoleController {

    /** The four operations and their page names. */
    static final Set<String> OPERATIONS = Set.of("cesu", "paiement", "remboursement", "ajustement");

    /** Every field any operation has; each page shows its own. */
    public static class OperationForm implements Serializable {
        @Serial
        private static final long serialVersionUID = 1L;
        public String operationId = UUID.randomUUID().toString();
        public String amount = "";
        public String number = "";
        public String issuer = "";
        public String method = "CASH";
        public String chequeNumber = "";
        public String bank = "";
        public String reference = "";
        public String pocket = "MAIN";
        public String direction = "CREDIT";
        public String reason = "";
    }

    /** Wallets listed on the page of those below zero; the count says how many there are in all. */
    static final int OVERDRAWN_LISTED = 100;

    private final WalletClient wallet;
    private final AccountsClient accounts;
    private final WalletFormats formats;
    private final Texts texts;

    WalletConsoleController(WalletClient wallet, AccountsClient accounts, WalletFormats formats, Texts texts) {
        this.wallet = wallet;
        this.accounts = accounts;
        this.formats = formats;
        this.texts = texts;
    }

    @GetMapping("/admin/porte-monnaie")
    String search(@RequestParam(name = "q", defaultValue = "") String query, Model model) {
        model.addAttribute("q", query);
        model.addAttribute("families", query.isBlank() ? List.of() : accounts.searchFamilies(query.strip()));
        return "wallet/admin-families";
    }

    /** The wallets below zero, the most negative first, each with its family's name (FINANCE, ADMIN). */
    @GetMapping("/admin/porte-monnaie/negatifs")
    String overdrawn(Model model) {
        WalletClient.Overdrawn overdrawn = wallet.overdrawn(OVERDRAWN_LISTED);
        Map<UUID, String> names = familyNames(overdrawn.wallets().stream().map(WalletClient.Wallet::familyId).toList());
        List<OverdrawnRow> rows = overdrawn.wallets().stream()
                .map(w -> new OverdrawnRow(w, names.get(w.familyId()))).toList();
        model.addAttribute("count", overdrawn.count());
        model.addAttribute("rows", rows);
        return "wallet/admin-overdrawn";
    }

    /** A wallet below zero and whose it is (null when accounts does not answer for it: the id is shown instead). */
    public record OverdrawnRow(WalletClient.Wallet wallet, String familyName) {
    }

    /** The families' names, in one call to accounts; none when it does not answer (the ids are shown instead). */
    private Map<UUID, String> familyNames(List<UUID> familyIds) {
        try {
            return accounts.familyNames(familyIds);
        } catch (ServiceProblem | fr.marelle.gateway.services.ServiceUnavailable e) {
            return Map.of();
        }
    }

    @GetMapping("/admin/porte-monnaie/{familyId}")
    String familyWallet(@PathVariable UUID familyId, @RequestParam(name = "avant", required = false) Long before,
                        Model model) {
        model.addAttribute("family", accounts.family(familyId));
        model.addAttribute("familyId", familyId);
        model.addAttribute("wallet", wallet.wallet(familyId));
        List<Movement> movements = wallet.movements(familyId, before, ParentWalletController.PAGE);
        model.addAttribute("movements", movements);
        model.addAttribute("olderFrom", movements.size() == ParentWalletController.PAGE
                ? movements.get(ParentWalletController.PAGE - 1).sequence() : null);
        model.addAttribute("paged", before != null);
        model.addAttribute("upcoming", wallet.upcoming(familyId));
        model.addAttribute("topUps", wallet.topUps(familyId));
        return "wallet/admin-wallet";
    }

    @GetMapping("/admin/porte-monnaie/{familyId}/operations/{operation}")
    String operationForm(@PathVariable UUID familyId, @PathVariable String operation, Model model) {
        return show(familyId, operation(operation), new OperationForm(), texts.errors(), null, model);
    }

    @PostMapping("/admin/porte-monnaie/{familyId}/operations/{operation}")
    String record(@PathVariable UUID familyId, @PathVariable String operation,
                  @ModelAttribute("form") OperationForm form, RedirectAttributes redirect, Model model) {
        String kind = operation(operation);
        FormErrors errors = texts.errors();
        Long cents = amount(form, errors);
        errors.required("reason", form.reason, "wallet.op.error.reason");
        errors.maxLength("reason", form.reason, 500);
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("operationId", form.operationId);
        request.put("reason", trim(form.reason));
        switch (kind) {
            case "cesu" -> {
                errors.required("number", form.number, "wallet.op.error.number");
                errors.required("issuer", form.issuer, "wallet.op.error.issuer");
                request.put("number", trim(form.number));
                request.put("issuer", trim(form.issuer));
            }
            case "paiement" -> {
                boolean cheque = "CHEQUE".equals(form.method);
                if (!cheque && !"CASH".equals(form.method)) {
                    errors.reject("method", "wallet.op.error.method");
                }
                if (cheque) {
                    errors.required("chequeNumber", form.chequeNumber, "wallet.op.error.chequeNumber");
                }
                request.put("method", form.method);
                request.put("chequeNumber", cheque ? trim(form.chequeNumber) : null);
                request.put("bank", cheque ? trim(form.bank) : null);
            }
            case "remboursement" -> request.put("reference", trim(form.reference));
            default -> {
                if (!"MAIN".equals(form.pocket) && !"CESU".equals(form.pocket)) {
                    errors.reject("pocket", "wallet.op.error.pocket");
                }
                if (!"CREDIT".equals(form.direction) && !"DEBIT".equals(form.direction)) {
                    errors.reject("direction", "wallet.op.error.direction");
                }
                request.put("pocket", form.pocket);
            }
        }
        if (!errors.isEmpty()) {
            return show(familyId, kind, form, errors, null, model);
        }
        request.put("amountCents", "ajustement".equals(kind) && "DEBIT".equals(form.direction) ? -cents : cents);
        Recorded recorded;
        try {
            recorded = switch (kind) {
                case "cesu" -> wallet.recordCesuCheque(familyId, request);
                case "paiement" -> wallet.recordPayment(familyId, request);
                case "remboursement" -> wallet.recordRefund(familyId, request);
                default -> wallet.recordAdjustment(familyId, request);
            };
        } catch (ServiceProblem problem) {
            if (problem.isNotFound()) {
                throw problem;
            }
            problem.fields().forEach((field, error) -> errors.reject(field.equals("amountCents") ? "amount" : field,
                    "wallet.op.error.service", texts.getOrDefault("wallet.problem." + error.code(), error.message())));
            String refusal = problem.fields().isEmpty()
                    ? texts.getOrDefault("wallet.problem." + problem.code(), problem.getMessage()) : null;
            if ("CESU_CHEQUE_ALREADY_RECORDED".equals(problem.code())) {
                errors.reject("number", "wallet.op.error.service", refusal);
                refusal = null;
            }
            return show(familyId, kind, form, errors, refusal, model);
        }
        redirect.addFlashAttribute("recorded", texts.get(recorded.recordedNow() ? "wallet.op.recorded"
                : "wallet.op.alreadyRecorded", texts.get("wallet.op." + kind + ".title"),
                formats.euros(recorded.mainBalanceCents()), formats.euros(recorded.cesuBalanceCents())));
        return "redirect:/admin/porte-monnaie/" + familyId;
    }

    private Long amount(OperationForm form, FormErrors errors) {
        if (form.amount == null || form.amount.isBlank()) {
            errors.reject("amount", "wallet.op.error.amount.required");
            return null;
        }
        Long cents = Euros.parse(form.amount);
        if (cents == null) {
            errors.reject("amount", "wallet.topUp.error.format");
        } else if (cents == 0) {
            errors.reject("amount", "wallet.op.error.amount.zero");
        } else if (cents > 1_000_000) {
            errors.reject("amount", "wallet.op.error.amount.max");
        }
        return cents;
    }

    private String show(UUID familyId, String kind, OperationForm form, FormErrors errors, String formError,
                        Model model) {
        model.addAttribute("family", accounts.family(familyId));
        model.addAttribute("familyId", familyId);
        model.addAttribute("wallet", wallet.wallet(familyId));
        model.addAttribute("operation", kind);
        model.addAttribute("form", form);
        model.addAttribute("errors", errors.asMap());
        model.addAttribute("formError", formError);
        return "wallet/admin-operation";
    }

    private static String operation(String name) {
        if (!OPERATIONS.contains(name)) {
            throw new ServiceProblem(404, "NOT_FOUND", "Introuvable.", Map.of());
        }
        return name;
    }

    private static String trim(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
