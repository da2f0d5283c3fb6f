package fr.marelle.gateway.web.wallet;

import fr.marelle.gateway.security.CurrentActor;
import fr.marelle.gateway.security.GatewayUser;
import fr.marelle.gateway.services.ServiceProblem;
import fr.marelle.gateway.services.ServiceUnavailable;
import fr.marelle.gateway.services.wallet.WalletClient;
import fr.marelle.gateway.services.wallet.WalletClient.Limits;
import fr.marelle.gateway.services.wallet.WalletClient.Movement;
import fr.marelle.gateway.services.wallet.WalletClient.TopUp;
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
import java.util.List;
import java.util.UUID;

/**
 * "Porte-monnaie" (screen 19): Solde, À venir, Solde mercredi récréatif, À venir mercredi récréatif, what is to come
 * and the history of every movement with what it paid for. "Créditer mon porte-monnaie" (screen 20): an amount of at
 * least 10,00 € and at most what the town set, a page that says where the payer is going, the provider's card page,
 * and the page the payer comes back to, which asks the provider at once and follows the payment until it is settled.
 * No card data is ever typed on the portal. wallet-service scopes every call to the parent's family.
 */
@Controller
class ParentWalletController {

    static final int PAGE = 50;

    /** The amount typed, as typed. */
    public static class TopUpForm implements Serializable {
        @Serial
        private static final long serialVersionUID = 1L;
        public String amount = "";
    }

    private final WalletClient wallet;
    private final WalletFormats formats;
    private final Texts texts;

    ParentWalletController(WalletClient wallet, WalletFormats formats, Texts texts) {
        this.wallet = wallet;
        this.formats = formats;
        this.texts = texts;
    }

    @GetMapping("/porte-monnaie")
    String wallet(@RequestParam(name = "avant", required = false) Long before, Model model) {
        String family = family();
        model.addAttribute("wallet", wallet.wallet(family));
        List<Movement> movements = wallet.movements(family, before, PAGE);
        model.addAttribute("movements", movements);
        model.addAttribute("olderFrom", movements.size() == PAGE ? movements.get(PAGE - 1).sequence() : null);
        model.addAttribute("paged", before != null);
        model.addAttribute("upcoming", wallet.upcoming(family));
        model.addAttribute("pendingTopUps", wallet.topUps(family).stream().filter(TopUp::isPending).toList());
        model.addAttribute("limits", limits());
        return "wallet/my-wallet";
    }

    @GetMapping("/porte-monnaie/crediter")
    String topUpForm(Model model) {
        return showTopUp(new TopUpForm(), texts.errors(), null, model);
    }

    @PostMapping("/porte-monnaie/crediter")
    String topUp(@ModelAttribute("form") TopUpForm form, RedirectAttributes redirect, Model model) {
        Limits limits = limits();
        FormErrors errors = texts.errors();
        Long cents = null;
        if (form.amount == null || form.amount.isBlank()) {
            errors.reject("amount", "wallet.topUp.error.required");
        } else {
            cents = Euros.parse(form.amount);
            if (cents == null) {
                errors.reject("amount", "wallet.topUp.error.format");
            } else if (cents < limits.minimumCents()) {
                errors.reject("amount", "wallet.topUp.error.minimum", euros(limits.minimumCents()));
            } else if (cents > limits.maximumCents()) {
                errors.reject("amount", "wallet.topUp.error.maximum", euros(limits.maximumCents()));
            }
        }
        if (!errors.isEmpty()) {
            return showTopUp(form, errors, null, model);
        }
        GatewayUser user = CurrentActor.user().orElseThrow();
        WalletClient.Opened opened;
        try {
            opened = wallet.startTopUp(family(), cents, user.email());
        } catch (ServiceProblem problem) {
            if (problem.status() == 422 || problem.isInvalidInput()) {
                // the town's limits changed meanwhile, or card payment is no longer offered
                errors.reject("amount", "wallet.topUp.error.refused", texts.getOrDefault("wallet.problem."
                        + problem.code(), problem.getMessage()));
                return showTopUp(form, errors, null, model);
            }
            throw problem;
        } catch (ServiceUnavailable unavailable) {
            return showTopUp(form, errors, texts.get("wallet.topUp.unavailable"), model);
        }
        redirect.addFlashAttribute("opened", opened);
        return "redirect:/porte-monnaie/crediter/" + opened.paymentId();
    }

    /** Where the payer is about to go: the amount, the provider's secure page, and the way back. */
    @GetMapping("/porte-monnaie/crediter/{paymentId}")
    String confirm(@PathVariable UUID paymentId, Model model) {
        WalletClient.Opened opened = (WalletClient.Opened) model.getAttribute("opened");
        if (opened == null || !opened.paymentId().equals(paymentId)) {
            TopUp topUp = wallet.topUp(family(), paymentId, false);
            if (!topUp.isPending() || topUp.redirectUrl() == null) {
                return "redirect:/porte-monnaie/paiements/" + paymentId;
            }
            opened = new WalletClient.Opened(paymentId, topUp.amountCents(), java.net.URI.create(topUp.redirectUrl()),
                    null);
        }
        model.addAttribute("opened", opened);
        return "wallet/top-up-confirm";
    }

    /** The page the provider sends the payer back to: the provider is asked at once, then followed. */
    @GetMapping("/porte-monnaie/paiements/{paymentId}")
    String payment(@PathVariable UUID paymentId, Model model) {
        model.addAttribute("topUp", wallet.topUp(family(), paymentId, true));
        return "wallet/payment";
    }

    /** The state of a payment alone, for the page to follow it without reloading (htmx). */
    @GetMapping("/porte-monnaie/paiements/{paymentId}/etat")
    String paymentState(@PathVariable UUID paymentId, Model model) {
        model.addAttribute("topUp", wallet.topUp(family(), paymentId, true));
        return "wallet/payment :: state";
    }

    private String showTopUp(TopUpForm form, FormErrors errors, String formError, Model model) {
        Limits limits = limits();
        model.addAttribute("form", form);
        model.addAttribute("errors", errors.asMap());
        model.addAttribute("formError", formError);
        model.addAttribute("limits", limits);
        model.addAttribute("wallet", wallet.wallet(family()));
        return "wallet/top-up";
    }

    private Limits limits() {
        return wallet.limits();
    }

    private String euros(long cents) {
        return formats.euros(cents);
    }

    /** The parent's family: only an active parent reaches these pages (ActivationGate). */
    private static String family() {
        return CurrentActor.user().map(GatewayUser::familyIdForServices).orElseThrow();
    }
}
