package fr.marelle.gateway.web.registration;

import fr.marelle.gateway.security.AccountSessions;
import fr.marelle.gateway.security.CurrentActor;
import fr.marelle.gateway.security.GatewayUser;
import fr.marelle.gateway.services.ServiceProblem;
import fr.marelle.gateway.services.accounts.AccountsClient;
import fr.marelle.gateway.web.forms.FormErrors;
import fr.marelle.gateway.web.forms.RegistrationForm;
import fr.marelle.gateway.web.forms.Texts;
import fr.marelle.platform.audit.Role;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;

import java.util.Locale;

/**
 * Registration (screen 4). The gateway checks the form first with the services' rules (a quotient familial that
 * is not a number cannot even be sent), then accounts-service checks it whole. Once registered, the parent is
 * logged in and lands on the home page, which asks them to confirm their address. An address that already has an
 * account gets exactly the same answer (its owner is told by email).
 */
@Controller
class RegistrationController {

    private final AccountsClient accounts;
    private final AccountSessions sessions;
    private final Texts texts;

    RegistrationController(AccountsClient accounts, AccountSessions sessions, Texts texts) {
        this.accounts = accounts;
        this.sessions = sessions;
        this.texts = texts;
    }

    @GetMapping("/inscription")
    String form(Model model) {
        if (CurrentActor.user().isPresent()) {
            return "redirect:/";
        }
        RegistrationForm form = new RegistrationForm();
        form.language = "en".equals(LocaleContextHolder.getLocale().getLanguage()) ? "en" : "fr";
        return show(form, texts.errors(), null, model);
    }

    @PostMapping("/inscription")
    String register(@ModelAttribute("form") RegistrationForm form, HttpServletRequest request,
                    HttpServletResponse response, Model model) {
        FormErrors errors = texts.errors();
        Integer quotient = form.check(errors);
        if (!errors.isEmpty()) {
            return show(form, errors, null, model);
        }
        AccountsClient.Registered registered;
        try {
            registered = accounts.register(form.toRequest(quotient));
        } catch (ServiceProblem problem) {
            if (problem.isInvalidInput()) {
                return show(form, errors.add(problem), null, model);
            }
            if (problem.status() == 422 || problem.status() == 409 || problem.status() == 429) {
                return show(form, errors, texts.problem(problem), model);
            }
            throw problem;
        }
        GatewayUser user = new GatewayUser(String.valueOf(registered.userId()),
                form.email.strip().toLowerCase(Locale.ROOT), registered.displayName(), Role.PARENT,
                registered.familyId() == null ? null : registered.familyId().toString(), registered.status(),
                form.language);
        sessions.signIn(user, request, response);
        return "redirect:/?inscrit";
    }

    private String show(RegistrationForm form, FormErrors errors, String formError, Model model) {
        model.addAttribute("form", form.withoutPasswords());
        model.addAttribute("errors", errors.asMap());
        model.addAttribute("formError", formError);
        return "registration/register";
    }
}
