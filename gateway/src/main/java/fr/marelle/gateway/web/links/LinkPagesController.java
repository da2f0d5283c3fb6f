package fr.marelle.gateway.web.links;

import fr.marelle.gateway.security.AccountSessions;
import fr.marelle.gateway.security.AccountState;
import fr.marelle.gateway.security.CurrentActor;
import fr.marelle.gateway.security.GatewayUser;
import fr.marelle.gateway.services.ServiceProblem;
import fr.marelle.gateway.services.accounts.AccountsClient;
import fr.marelle.gateway.services.accounts.AccountsClient.LinkPurpose;
import fr.marelle.gateway.web.forms.FormErrors;
import fr.marelle.gateway.web.forms.Texts;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import java.io.Serial;
import java.io.Serializable;
import java.util.function.Function;

/**
 * The pages that emailed links open — confirming an address, choosing a new password, confirming a new login
 * address, accepting an invitation — and the "forgotten password" form. A link is checked before its page is shown,
 * and the page says plainly when it has expired or was used, and what to do. Nothing is done on GET (mail scanners
 * fetch links): a button posts the token. Tokens never go into a redirect or a log line, and these pages send no
 * referrer.
 */
@Controller
class LinkPagesController {

    /** The token, carried by the page's form, and a password when one is chosen. */
    public static class LinkForm implements Serializable {
        @Serial
        private static final long serialVersionUID = 1L;
        public String token = "";
        public String password = "";
        public String passwordConfirmation = "";
    }

    public static class ResetRequestForm implements Serializable {
        @Serial
        private static final long serialVersionUID = 1L;
        public String email = "";
    }

    private static final String EXPIRED = "LINK_EXPIRED_OR_USED";

    private final AccountsClient accounts;
    private final AccountSessions sessions;
    private final AccountState accountState;
    private final Texts texts;

    LinkPagesController(AccountsClient accounts, AccountSessions sessions, AccountState accountState, Texts texts) {
        this.accounts = accounts;
        this.sessions = sessions;
        this.accountState = accountState;
        this.texts = texts;
    }

    // --- forgotten password ---------------------------------------------------------------------------------

    @GetMapping("/mot-de-passe/oubli")
    String forgotten(@RequestParam(name = "envoye", required = false) String sent, Model model) {
        model.addAttribute("sent", sent != null);
        return showForgotten(new ResetRequestForm(), texts.errors(), null, model);
    }

    @PostMapping("/mot-de-passe/oubli")
    String requestReset(@ModelAttribute("form") ResetRequestForm form, Model model) {
        FormErrors errors = texts.errors();
        if (errors.required("email", form.email, "error.email.required")) {
            errors.email("email", form.email);
        }
        if (!errors.isEmpty()) {
            return showForgotten(form, errors, null, model);
        }
        try {
            accounts.requestPasswordReset(form.email.strip());
        } catch (ServiceProblem problem) {
            if (problem.isInvalidInput()) {
                return showForgotten(form, errors.add(problem), null, model);
            }
            if (problem.status() == 429) {
                return showForgotten(form, errors, texts.problem(problem), model);
            }
            // anything else: the same answer as for any address, known or not
        }
        return "redirect:/mot-de-passe/oubli?envoye";
    }

    private String showForgotten(ResetRequestForm form, FormErrors errors, String formError, Model model) {
        model.addAttribute("form", form);
        model.addAttribute("errors", errors.asMap());
        model.addAttribute("formError", formError);
        model.addAttribute("sent", Boolean.TRUE.equals(model.getAttribute("sent")));
        return "links/forgotten-password";
    }

    // --- confirming the address given at registration --------------------------------------------------------

    @GetMapping("/compte/valider")
    String verificationPage(@RequestParam(name = "jeton", required = false) String token,
                            HttpServletResponse response, Model model) {
        return linkPage(token, LinkPurpose.EMAIL_VERIFICATION, "links/verify-email", response, model);
    }

    @PostMapping("/compte/valider")
    String verify(@ModelAttribute("form") LinkForm form, HttpServletRequest request, HttpServletResponse response,
                  Model model) {
        noReferrer(response);
        return act(form, LinkPurpose.EMAIL_VERIFICATION, model, done -> {
            refreshIfCurrentUser(done.userId().toString(), request, response);
            model.addAttribute("loggedIn", CurrentActor.user().isPresent());
            return "links/email-verified";
        });
    }

    // --- a new password after "forgotten password" --------------------------------------------------------

    @GetMapping("/mot-de-passe/nouveau")
    String newPasswordPage(@RequestParam(name = "jeton", required = false) String token,
                           HttpServletResponse response, Model model) {
        return linkPage(token, LinkPurpose.PASSWORD_RESET, "links/new-password", response, model);
    }

    @PostMapping("/mot-de-passe/nouveau")
    String newPassword(@ModelAttribute("form") LinkForm form, HttpServletRequest request,
                       HttpServletResponse response, Model model) {
        noReferrer(response);
        FormErrors errors = passwordChecks(form);
        if (!errors.isEmpty()) {
            return showPasswordForm(form, errors, "links/new-password", model);
        }
        try {
            AccountsClient.Done done = accounts.completePasswordReset(form.token, form.password,
                    form.passwordConfirmation);
            sessions.endOtherSessions(done.userId().toString(), request);
            return "links/password-changed";
        } catch (ServiceProblem problem) {
            return passwordRefused(problem, form, errors, LinkPurpose.PASSWORD_RESET, "links/new-password", model);
        }
    }

    // --- a new login address ------------------------------------------------------------------------------

    @GetMapping("/compte/email/confirmer")
    String emailChangePage(@RequestParam(name = "jeton", required = false) String token,
                           HttpServletResponse response, Model model) {
        return linkPage(token, LinkPurpose.EMAIL_CHANGE, "links/confirm-email-change", response, model);
    }

    @PostMapping("/compte/email/confirmer")
    String confirmEmailChange(@ModelAttribute("form") LinkForm form, HttpServletRequest request,
                              HttpServletResponse response, Model model) {
        noReferrer(response);
        return act(form, LinkPurpose.EMAIL_CHANGE, model, done -> {
            String userId = done.userId().toString();
            sessions.endOtherSessions(userId, request);
            refreshIfCurrentUser(userId, request, response);
            model.addAttribute("loggedIn", CurrentActor.user().isPresent());
            return "links/email-changed";
        });
    }

    // --- an invitation to log in (a guardian or a staff member) -----------------------------------------------

    @GetMapping("/compte/invitation")
    String invitationPage(@RequestParam(name = "jeton", required = false) String token,
                          HttpServletResponse response, Model model) {
        return linkPage(token, LinkPurpose.INVITATION, "links/invitation", response, model);
    }

    @PostMapping("/compte/invitation")
    String acceptInvitation(@ModelAttribute("form") LinkForm form, HttpServletResponse response, Model model) {
        noReferrer(response);
        FormErrors errors = passwordChecks(form);
        if (!errors.isEmpty()) {
            return showPasswordForm(form, errors, "links/invitation", model);
        }
        try {
            accounts.acceptInvitation(form.token, form.password, form.passwordConfirmation);
            return "links/invitation-accepted";
        } catch (ServiceProblem problem) {
            return passwordRefused(problem, form, errors, LinkPurpose.INVITATION, "links/invitation", model);
        }
    }

    // --- shared --------------------------------------------------------------------------------------------

    /** Checks the link (nothing is consumed) and shows its form, or says it can no longer be used. */
    private String linkPage(String token, LinkPurpose purpose, String view, HttpServletResponse response,
                            Model model) {
        noReferrer(response);
        if (token == null || token.isBlank() || token.length() > 100 || !accounts.linkIsValid(token, purpose)) {
            return expired(purpose, model);
        }
        LinkForm form = new LinkForm();
        form.token = token;
        return showPasswordForm(form, texts.errors(), view, model);
    }

    private String act(LinkForm form, LinkPurpose purpose, Model model,
                       Function<AccountsClient.Done, String> then) {
        if (form.token == null || form.token.isBlank()) {
            return expired(purpose, model);
        }
        try {
            return then.apply(switch (purpose) {
                case EMAIL_VERIFICATION -> accounts.verifyEmail(form.token);
                case EMAIL_CHANGE -> accounts.confirmEmailChange(form.token);
                default -> throw new IllegalArgumentException(purpose.name());
            });
        } catch (ServiceProblem problem) {
            if (problem.is(EXPIRED) || problem.isInvalidInput() || problem.isNotFound()) {
                return expired(purpose, model);
            }
            model.addAttribute("purpose", purpose.name());
            model.addAttribute("message", texts.problem(problem));
            return "links/refused";
        }
    }

    private FormErrors passwordChecks(LinkForm form) {
        FormErrors errors = texts.errors();
        errors.required("password", form.password, "error.password.required");
        if (errors.required("passwordConfirmation", form.passwordConfirmation,
                "error.passwordConfirmation.required")) {
            errors.sameAs("passwordConfirmation", form.passwordConfirmation, form.password);
        }
        return errors;
    }

    private String passwordRefused(ServiceProblem problem, LinkForm form, FormErrors errors, LinkPurpose purpose,
                                   String view, Model model) {
        if (problem.is(EXPIRED)) {
            return expired(purpose, model);
        }
        if (problem.isInvalidInput() && !problem.fields().containsKey("token")) {
            return showPasswordForm(form, errors.add(problem), view, model);
        }
        if (problem.isInvalidInput()) {
            return expired(purpose, model);
        }
        model.addAttribute("purpose", purpose.name());
        model.addAttribute("message", texts.problem(problem));
        return "links/refused";
    }

    private String showPasswordForm(LinkForm form, FormErrors errors, String view, Model model) {
        form.password = "";
        form.passwordConfirmation = "";
        model.addAttribute("form", form);
        model.addAttribute("errors", errors.asMap());
        return view;
    }

    private String expired(LinkPurpose purpose, Model model) {
        model.addAttribute("purpose", purpose.name());
        return "links/expired";
    }

    private void refreshIfCurrentUser(String userId, HttpServletRequest request, HttpServletResponse response) {
        GatewayUser user = CurrentActor.user().orElse(null);
        if (user != null && user.userId().equals(userId)) {
            accountState.refresh(request, response);
        }
    }

    /** The page's address carries the token: it must not leave in a Referer header. */
    private static void noReferrer(HttpServletResponse response) {
        response.setHeader("Referrer-Policy", "no-referrer");
    }
}
