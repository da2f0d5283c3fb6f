package fr.marelle.gateway.web.account;

import fr.marelle.gateway.security.AccountSessions;
import fr.marelle.gateway.security.CurrentActor;
import fr.marelle.gateway.security.GatewayUser;
import fr.marelle.gateway.services.ServiceProblem;
import fr.marelle.gateway.services.accounts.AccountsClient;
import fr.marelle.gateway.web.forms.FormErrors;
import fr.marelle.gateway.web.forms.Texts;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.io.Serial;
import java.io.Serializable;
import java.util.Set;

/**
 * "Mon compte" (screen 9): the login address (a link goes to the new address, which becomes the login once
 * confirmed) and the password, each with the current password. After a password change, every other session of
 * the user is ended. Staff change their password here too; their address is managed by an administrator.
 */
@Controller
class MyAccountController {

    /** The two forms of the page, named {@code email.*} and {@code password.*} so that their fields stay apart. */
    public static class AccountForms implements Serializable {
        @Serial
        private static final long serialVersionUID = 1L;
        public EmailChange email = new EmailChange();
        public PasswordChange password = new PasswordChange();
    }

    public static class EmailChange implements Serializable {
        @Serial
        private static final long serialVersionUID = 1L;
        public String newEmail = "";
        public String currentPassword = "";
    }

    public static class PasswordChange implements Serializable {
        @Serial
        private static final long serialVersionUID = 1L;
        public String currentPassword = "";
        public String newPassword = "";
        public String newPasswordConfirmation = "";
    }

    private static final Set<String> ABOUT_THE_NEW_ADDRESS = Set.of("EMAIL_UNCHANGED", "EMAIL_ALREADY_USED");

    private final AccountsClient accounts;
    private final AccountSessions sessions;
    private final Texts texts;

    MyAccountController(AccountsClient accounts, AccountSessions sessions, Texts texts) {
        this.accounts = accounts;
        this.sessions = sessions;
        this.texts = texts;
    }

    @GetMapping("/mon-compte")
    String page(Model model) {
        return show(new AccountForms(), texts.errors(), null, model);
    }

    @PostMapping("/mon-compte/email")
    String changeEmail(@ModelAttribute("form") AccountForms form, RedirectAttributes redirect, Model model) {
        GatewayUser user = CurrentActor.user().orElseThrow();
        if (!user.isParent()) {
            return "redirect:/mon-compte";
        }
        FormErrors errors = texts.errors();
        if (errors.required("email.newEmail", form.email.newEmail, "error.newEmail.required")) {
            errors.email("email.newEmail", form.email.newEmail);
        }
        errors.required("email.currentPassword", form.email.currentPassword, "error.currentPassword.required");
        String formError = null;
        if (errors.isEmpty()) {
            try {
                accounts.changeMyEmail(form.email.newEmail.strip(), form.email.currentPassword);
                redirect.addFlashAttribute("emailSentTo", form.email.newEmail.strip());
                return "redirect:/mon-compte";
            } catch (ServiceProblem problem) {
                if (problem.isInvalidInput()) {
                    errors.addPrefixed("email.", problem);
                } else if (ABOUT_THE_NEW_ADDRESS.contains(problem.code())) {
                    errors.add("email.newEmail", problem);
                } else if (problem.status() == 422 || problem.status() == 409 || problem.status() == 429) {
                    formError = texts.problem(problem);
                } else {
                    throw problem;
                }
            }
        }
        form.email.currentPassword = "";
        model.addAttribute("openForm", "email");
        return show(form, errors, formError, model);
    }

    @PostMapping("/mon-compte/mot-de-passe")
    String changePassword(@ModelAttribute("form") AccountForms form, HttpServletRequest request,
                          RedirectAttributes redirect, Model model) {
        GatewayUser user = CurrentActor.user().orElseThrow();
        PasswordChange change = form.password;
        FormErrors errors = texts.errors();
        errors.required("password.currentPassword", change.currentPassword, "error.currentPassword.required");
        errors.required("password.newPassword", change.newPassword, "error.newPassword.required");
        if (errors.required("password.newPasswordConfirmation", change.newPasswordConfirmation,
                "error.passwordConfirmation.required")) {
            errors.sameAs("password.newPasswordConfirmation", change.newPasswordConfirmation, change.newPassword);
        }
        String formError = null;
        if (errors.isEmpty()) {
            try {
                accounts.changeMyPassword(change.currentPassword, change.newPassword,
                        change.newPasswordConfirmation);
                int ended = sessions.endOtherSessions(user.userId(), request);
                redirect.addFlashAttribute("passwordChanged", true);
                redirect.addFlashAttribute("otherSessionsEnded", ended);
                return "redirect:/mon-compte";
            } catch (ServiceProblem problem) {
                if (problem.isInvalidInput()) {
                    errors.addPrefixed("password.", problem);
                } else if (problem.status() == 422 || problem.status() == 429) {
                    formError = texts.problem(problem);
                } else {
                    throw problem;
                }
            }
        }
        change.currentPassword = "";
        change.newPassword = "";
        change.newPasswordConfirmation = "";
        model.addAttribute("openForm", "password");
        return show(form, errors, formError, model);
    }

    private String show(AccountForms form, FormErrors errors, String formError, Model model) {
        model.addAttribute("form", form);
        model.addAttribute("errors", errors.asMap());
        model.addAttribute("formError", formError);
        return "account/my-account";
    }
}
