package fr.marelle.gateway.web.admin;

import fr.marelle.gateway.security.AccountSessions;
import fr.marelle.gateway.services.ServiceProblem;
import fr.marelle.gateway.services.accounts.AccountsClient;
import fr.marelle.gateway.web.forms.FormErrors;
import fr.marelle.gateway.web.forms.Texts;
import fr.marelle.platform.audit.Role;
import jakarta.servlet.http.HttpServletRequest;
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
 * Staff console, administrators only: staff users and their roles. An invited member chooses a password from the
 * emailed link and sets up a second factor at their first login. A member whose role changes or who is deactivated
 * is logged out everywhere (their sessions carry their role; the administrator's own current session, when they
 * act on themselves, is kept). The last administrator stays one.
 */
@Controller
class StaffAdminController {

    public static final List<String> ROLES = List.of(Role.ADMIN.name(), Role.AGENT.name(), Role.FINANCE.name(),
            Role.AUDITOR.name());

    public static class InviteForm implements Serializable {
        @Serial
        private static final long serialVersionUID = 1L;
        public String email = "";
        public String firstName = "";
        public String lastName = "";
        public String role = "";
    }

    private final AccountsClient accounts;
    private final AccountSessions sessions;
    private final Texts texts;

    StaffAdminController(AccountsClient accounts, AccountSessions sessions, Texts texts) {
        this.accounts = accounts;
        this.sessions = sessions;
        this.texts = texts;
    }

    @GetMapping("/admin/personnel")
    String staff(Model model) {
        model.addAttribute("staff", accounts.staff());
        model.addAttribute("roles", ROLES);
        return "admin/staff";
    }

    @GetMapping("/admin/personnel/nouveau")
    String inviteForm(Model model) {
        return showInvite(new InviteForm(), texts.errors(), null, model);
    }

    @PostMapping("/admin/personnel/nouveau")
    String invite(@ModelAttribute("form") InviteForm form, RedirectAttributes redirect, Model model) {
        FormErrors errors = texts.errors();
        if (errors.required("email", form.email, "error.email.required")) {
            errors.email("email", form.email);
        }
        errors.required("firstName", form.firstName, "error.firstName.required");
        errors.required("lastName", form.lastName, "error.lastName.required");
        if (!ROLES.contains(form.role)) {
            errors.reject("role", "error.role.required");
        }
        if (errors.isEmpty()) {
            try {
                accounts.inviteStaff(form.email.strip(), form.firstName.strip(), form.lastName.strip(), form.role);
                redirect.addFlashAttribute("done", texts.get("staff.invited", form.email.strip()));
                return "redirect:/admin/personnel";
            } catch (ServiceProblem problem) {
                if (problem.isInvalidInput()) {
                    errors.add(problem);
                } else if (problem.is("EMAIL_ALREADY_USED")) {
                    errors.add("email", problem);
                } else if (problem.status() == 409 || problem.status() == 422) {
                    return showInvite(form, errors, texts.problem(problem), model);
                } else {
                    throw problem;
                }
            }
        }
        return showInvite(form, errors, null, model);
    }

    private String showInvite(InviteForm form, FormErrors errors, String formError, Model model) {
        model.addAttribute("form", form);
        model.addAttribute("roles", ROLES);
        model.addAttribute("errors", errors.asMap());
        model.addAttribute("formError", formError);
        return "admin/staff-new";
    }

    @PostMapping("/admin/personnel/{staffId}/role")
    String changeRole(@PathVariable UUID staffId, @RequestParam(name = "role", defaultValue = "") String role,
                      HttpServletRequest request, RedirectAttributes redirect) {
        if (!ROLES.contains(role)) {
            redirect.addFlashAttribute("failed", texts.get("error.role.required"));
            return "redirect:/admin/personnel";
        }
        return act(redirect, "staff.roleChanged", () -> {
            accounts.changeStaffRole(staffId, role);
            sessions.endOtherSessions(staffId.toString(), request);
        });
    }

    @PostMapping("/admin/personnel/{staffId}/desactivation")
    String deactivate(@PathVariable UUID staffId, HttpServletRequest request, RedirectAttributes redirect) {
        return act(redirect, "staff.deactivated", () -> {
            accounts.deactivateStaff(staffId);
            sessions.endOtherSessions(staffId.toString(), request);
        });
    }

    @PostMapping("/admin/personnel/{staffId}/reactivation")
    String reactivate(@PathVariable UUID staffId, RedirectAttributes redirect) {
        return act(redirect, "staff.reactivated", () -> {
            accounts.reactivateStaff(staffId);
        });
    }

    @PostMapping("/admin/personnel/{staffId}/second-facteur")
    String resetSecondFactor(@PathVariable UUID staffId, RedirectAttributes redirect) {
        return act(redirect, "staff.secondFactorReset", () -> {
            accounts.resetStaffSecondFactor(staffId);
        });
    }

    /** An action on a member, said at the top of the list; a refusal (the last administrator…) too. */
    private String act(RedirectAttributes redirect, String doneKey, Runnable action) {
        try {
            action.run();
            redirect.addFlashAttribute("done", texts.get(doneKey));
        } catch (ServiceProblem problem) {
            if (problem.status() != 409 && problem.status() != 422 && problem.status() != 400) {
                throw problem;
            }
            redirect.addFlashAttribute("failed", texts.problem(problem));
        }
        return "redirect:/admin/personnel";
    }
}
