package fr.marelle.gateway.web.admin;

import fr.marelle.gateway.services.ServiceProblem;
import fr.marelle.gateway.services.accounts.AccountsClient;
import fr.marelle.gateway.services.accounts.AccountsClient.Guardian;
import fr.marelle.gateway.web.forms.FormErrors;
import fr.marelle.gateway.web.forms.Texts;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.io.Serial;
import java.io.Serializable;
import java.util.Map;
import java.util.UUID;

/**
 * Staff console: accounts whose address is confirmed and that wait for staff (administrators and agents see them),
 * activated or refused with a reason the parent will read (administrators only).
 */
@Controller
class ActivationController {

    public static class RefusalForm implements Serializable {
        @Serial
        private static final long serialVersionUID = 1L;
        public String reason = "";
    }

    private final AccountsClient accounts;
    private final Texts texts;

    ActivationController(AccountsClient accounts, Texts texts) {
        this.accounts = accounts;
        this.texts = texts;
    }

    @GetMapping("/admin/comptes-en-attente")
    String awaiting(Model model) {
        model.addAttribute("guardians", accounts.awaitingActivation());
        return "admin/awaiting";
    }

    @PostMapping("/admin/comptes-en-attente/{guardianId}/activation")
    String activate(@PathVariable UUID guardianId, RedirectAttributes redirect) {
        try {
            accounts.activate(guardianId);
            redirect.addFlashAttribute("done", texts.get("awaiting.activated"));
        } catch (ServiceProblem problem) {
            if (problem.status() != 422 && problem.status() != 409) {
                throw problem;
            }
            redirect.addFlashAttribute("failed", texts.problem(problem));
        }
        return "redirect:/admin/comptes-en-attente";
    }

    @GetMapping("/admin/comptes-en-attente/{guardianId}/refus")
    String refusalForm(@PathVariable UUID guardianId, Model model) {
        return showRefusal(awaitingGuardian(guardianId), new RefusalForm(), texts.errors(), null, model);
    }

    @PostMapping("/admin/comptes-en-attente/{guardianId}/refus")
    String refuse(@PathVariable UUID guardianId, @ModelAttribute("form") RefusalForm form,
                  RedirectAttributes redirect, Model model) {
        FormErrors errors = texts.errors();
        if (errors.required("reason", form.reason, "error.reason.required")) {
            errors.maxLength("reason", form.reason, 1000);
        }
        if (errors.isEmpty()) {
            try {
                accounts.refuse(guardianId, form.reason.strip());
                redirect.addFlashAttribute("done", texts.get("awaiting.refused"));
                return "redirect:/admin/comptes-en-attente";
            } catch (ServiceProblem problem) {
                if (problem.isInvalidInput()) {
                    errors.add(problem);
                } else if (problem.status() == 422 || problem.status() == 409) {
                    return showRefusal(awaitingGuardian(guardianId), form, errors, texts.problem(problem), model);
                } else {
                    throw problem;
                }
            }
        }
        return showRefusal(awaitingGuardian(guardianId), form, errors, null, model);
    }

    private String showRefusal(Guardian guardian, RefusalForm form, FormErrors errors, String formError,
                               Model model) {
        model.addAttribute("guardian", guardian);
        model.addAttribute("form", form);
        model.addAttribute("errors", errors.asMap());
        model.addAttribute("formError", formError);
        return "admin/refusal";
    }

    private Guardian awaitingGuardian(UUID guardianId) {
        return accounts.awaitingActivation().stream().filter(g -> guardianId.equals(g.guardianId())).findFirst()
                .orElseThrow(() -> new ServiceProblem(404, "GUARDIAN_NOT_FOUND", "Responsable introuvable.",
                        Map.of()));
    }
}
