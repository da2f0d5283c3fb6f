package fr.marelle.gateway.web.login;

import fr.marelle.gateway.security.AccountSessions;
import fr.marelle.gateway.security.CurrentActor;
import fr.marelle.gateway.security.GatewayUser;
import fr.marelle.gateway.security.PendingLogin;
import fr.marelle.gateway.services.ServiceProblem;
import fr.marelle.gateway.services.accounts.AccountsClient;
import fr.marelle.gateway.services.accounts.AccountsClient.LoginOutcome;
import fr.marelle.gateway.web.forms.FormErrors;
import fr.marelle.gateway.web.forms.Texts;
import fr.marelle.platform.audit.Role;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;

import java.io.Serial;
import java.io.Serializable;
import java.util.Locale;
import java.util.Optional;

/**
 * Logging in (screens 1-3): the address and password are checked by accounts-service, which the gateway calls as
 * itself with the client's address (it throttles attempts). Parents are then logged in; staff and auditors go
 * through a second step — setting up their authenticator at their first login, then a code (or a recovery code) —
 * with the pending challenge kept in the session. The session is authenticated only at the end, with a new id.
 */
@Controller
public class LoginController {

    /** The login form as typed; the password is never shown again. */
    public static class LoginForm implements Serializable {
        @Serial
        private static final long serialVersionUID = 1L;
        public String email = "";
        public String password = "";
    }

    public static class CodeForm implements Serializable {
        @Serial
        private static final long serialVersionUID = 1L;
        public String code = "";
    }

    private final AccountsClient accounts;
    private final AccountSessions sessions;
    private final Texts texts;

    LoginController(AccountsClient accounts, AccountSessions sessions, Texts texts) {
        this.accounts = accounts;
        this.sessions = sessions;
        this.texts = texts;
    }

    @GetMapping("/connexion")
    String loginPage(HttpServletRequest request, Model model) {
        if (CurrentActor.user().isPresent()) {
            return "redirect:/";
        }
        sessions.clearPending(request);
        return showLogin(new LoginForm(), texts.errors(), null, model);
    }

    @PostMapping("/connexion")
    String login(@ModelAttribute("form") LoginForm form, HttpServletRequest request, HttpServletResponse response,
                 Model model) {
        FormErrors errors = texts.errors();
        errors.required("email", form.email, "error.email.required");
        errors.required("password", form.password, "error.password.required");
        if (!errors.isEmpty()) {
            return showLogin(form, errors, null, model);
        }
        String email = form.email.strip().toLowerCase(Locale.ROOT);
        LoginOutcome outcome;
        try {
            outcome = accounts.authenticate(email, form.password);
        } catch (ServiceProblem problem) {
            if (problem.isInvalidInput()) {
                return showLogin(form, errors.add(problem), null, model);
            }
            // wrong address or password (one message for both), too many attempts: said above the form
            return showLogin(form, errors, problem.is("INVALID_CREDENTIALS") ? texts.get("login.error")
                    : texts.problem(problem), model);
        }
        if (outcome.needsCode() || outcome.needsEnrollment()) {
            sessions.setPending(new PendingLogin(outcome.challenge(), outcome.needsEnrollment(), email, null),
                    request);
            return outcome.needsEnrollment() ? "redirect:/connexion/enrolement" : "redirect:/connexion/code";
        }
        GatewayUser user = user(outcome, email);
        if (!user.isParent()) {
            // staff always have a second step: an answer without one is not a login
            return showLogin(form, errors, texts.get("login.error"), model);
        }
        return "redirect:" + sessions.signIn(user, request, response);
    }

    @GetMapping("/connexion/code")
    String codePage(HttpServletRequest request, Model model) {
        Optional<PendingLogin> pending = sessions.pending(request);
        if (pending.isEmpty()) {
            return "redirect:/connexion?expire";
        }
        if (pending.get().enrollment()) {
            return "redirect:/connexion/enrolement";
        }
        return showCode(new CodeForm(), texts.errors(), null, model);
    }

    @PostMapping("/connexion/code")
    String code(@ModelAttribute("form") CodeForm form, HttpServletRequest request, HttpServletResponse response,
                Model model) {
        PendingLogin pending = sessions.pending(request).orElse(null);
        if (pending == null) {
            return "redirect:/connexion?expire";
        }
        FormErrors errors = texts.errors();
        if (!errors.required("code", form.code, "error.code.required")) {
            return showCode(form, errors, null, model);
        }
        try {
            LoginOutcome outcome = accounts.verifySecondFactor(pending.challenge(), form.code.strip());
            return "redirect:" + sessions.signIn(user(outcome, pending.email()), request, response);
        } catch (ServiceProblem problem) {
            String restart = refused(problem, form, errors, request);
            return restart != null ? restart : showCode(form, errors, formError(problem), model);
        }
    }

    @GetMapping("/connexion/enrolement")
    String enrollmentPage(HttpServletRequest request, Model model) {
        PendingLogin pending = sessions.pending(request).orElse(null);
        if (pending == null) {
            return "redirect:/connexion?expire";
        }
        if (!pending.enrollment()) {
            return "redirect:/connexion/code";
        }
        if (pending.shown() == null) {
            try {
                AccountsClient.Enrollment enrollment = accounts.startEnrollment(pending.challenge());
                pending = pending.showing(new PendingLogin.Enrollment(enrollment.secret(), enrollment.otpauthUri(),
                        enrollment.qrCodeDataUri()));
                sessions.setPending(pending, request);
            } catch (ServiceProblem problem) {
                if (problem.is("SECOND_FACTOR_ALREADY_ENROLLED")) {
                    sessions.setPending(new PendingLogin(pending.challenge(), false, pending.email(), null), request);
                    return "redirect:/connexion/code";
                }
                sessions.clearPending(request);
                return "redirect:/connexion?expire";
            }
        }
        return showEnrollment(pending, new CodeForm(), texts.errors(), null, model);
    }

    @PostMapping("/connexion/enrolement")
    String confirmEnrollment(@ModelAttribute("form") CodeForm form, HttpServletRequest request,
                             HttpServletResponse response, Model model) {
        PendingLogin pending = sessions.pending(request).orElse(null);
        if (pending == null || !pending.enrollment() || pending.shown() == null) {
            return "redirect:/connexion?expire";
        }
        FormErrors errors = texts.errors();
        if (!errors.required("code", form.code, "error.code.required")) {
            return showEnrollment(pending, form, errors, null, model);
        }
        AccountsClient.Enrolled enrolled;
        try {
            enrolled = accounts.confirmEnrollment(pending.challenge(), form.code.strip());
        } catch (ServiceProblem problem) {
            String restart = refused(problem, form, errors, request);
            return restart != null ? restart : showEnrollment(pending, form, errors, formError(problem), model);
        }
        String next = sessions.signIn(user(enrolled.login(), pending.email()), request, response);
        // shown once, in this answer only: never stored, never sent again
        model.addAttribute("recoveryCodes", enrolled.recoveryCodes());
        model.addAttribute("next", next);
        model.addAttribute("currentUser", CurrentActor.user().orElse(null));
        return "login/recovery-codes";
    }

    /**
     * A code refused: a wrong code goes next to the field; an expired login starts again (the redirect returned);
     * anything else (too many codes) is said above the form.
     */
    private String refused(ServiceProblem problem, CodeForm form, FormErrors errors, HttpServletRequest request) {
        if (problem.is("LOGIN_EXPIRED")) {
            sessions.clearPending(request);
            return "redirect:/connexion?expire";
        }
        if (problem.is("INVALID_CODE") || problem.isInvalidInput()) {
            errors.add("code", problem);
        }
        form.code = "";
        return null;
    }

    private String formError(ServiceProblem problem) {
        return problem.is("INVALID_CODE") || problem.isInvalidInput() ? null : texts.problem(problem);
    }

    private String showLogin(LoginForm form, FormErrors errors, String formError, Model model) {
        form.password = "";
        model.addAttribute("form", form);
        model.addAttribute("errors", errors.asMap());
        model.addAttribute("formError", formError);
        return "login/login";
    }

    private String showCode(CodeForm form, FormErrors errors, String formError, Model model) {
        model.addAttribute("form", form);
        model.addAttribute("errors", errors.asMap());
        model.addAttribute("formError", formError);
        return "login/code";
    }

    private String showEnrollment(PendingLogin pending, CodeForm form, FormErrors errors, String formError,
                                  Model model) {
        model.addAttribute("enrollment", pending.shown());
        model.addAttribute("secretGroups", groups(pending.shown().secret()));
        showCode(form, errors, formError, model);
        return "login/enrollment";
    }

    /** The key typed by hand is easier to read in groups of four. */
    static String groups(String secret) {
        return secret == null ? "" : secret.replaceAll("(.{4})(?!$)", "$1 ");
    }

    static GatewayUser user(LoginOutcome outcome, String email) {
        return new GatewayUser(String.valueOf(outcome.userId()), email, outcome.displayName(),
                Role.valueOf(outcome.role()), outcome.familyId() == null ? null : outcome.familyId().toString(),
                outcome.status(), outcome.language());
    }
}
