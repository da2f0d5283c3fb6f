package fr.marelle.gateway.web.notifications;

import fr.marelle.gateway.services.ServiceProblem;
import fr.marelle.gateway.services.notifications.NotificationsClient;
import fr.marelle.gateway.services.notifications.NotificationsClient.Preferences;
import fr.marelle.gateway.web.forms.FormErrors;
import fr.marelle.gateway.web.forms.Texts;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.util.UUID;

/**
 * Staff console, messages: the failed messages of every family, each with its reason, sent again by an
 * administrator; a family's messages (emails and SMS, with where each stands) and its notification preferences,
 * changed by ADMIN and AGENT on the family's behalf (their action is recorded as theirs).
 */
@Controller
class NotificationsConsoleController {

    private final NotificationsClient notifications;
    private final Texts texts;

    NotificationsConsoleController(NotificationsClient notifications, Texts texts) {
        this.notifications = notifications;
        this.texts = texts;
    }

    @GetMapping("/admin/notifications")
    String failed(Model model) {
        model.addAttribute("messages", notifications.failed());
        return "notifications/console-failed";
    }

    /** Sends a failed message again (a new series of attempts). */
    @PostMapping("/admin/notifications/{messageId}/relance")
    String retry(@PathVariable UUID messageId, RedirectAttributes redirect) {
        try {
            notifications.retry(messageId);
            redirect.addFlashAttribute("done", texts.get("notifications.failed.retried"));
        } catch (ServiceProblem problem) {
            if (problem.status() != 422 && !problem.isNotFound()) {
                throw problem;
            }
            redirect.addFlashAttribute("refused", texts.problem(problem));
        }
        return "redirect:/admin/notifications";
    }

    @GetMapping("/admin/notifications/familles/{familyId}")
    String family(@PathVariable UUID familyId, Model model) {
        Preferences preferences = notifications.preferences(familyId);
        if (model.containsAttribute("form")) {
            preferences = ((PreferencesForm) model.getAttribute("form")).applyTo(preferences);
        } else {
            model.addAttribute("form", PreferencesForm.of(preferences, null));
        }
        return showFamily(familyId, preferences, texts.errors(), model);
    }

    @PostMapping("/admin/notifications/familles/{familyId}")
    String choose(@PathVariable UUID familyId, @ModelAttribute("form") PreferencesForm form,
                  RedirectAttributes redirect, Model model) {
        Preferences preferences = notifications.preferences(familyId);
        FormErrors errors = texts.errors();
        try {
            notifications.choose(familyId, form.choices(preferences));
        } catch (ServiceProblem problem) {
            if (!problem.isInvalidInput()) {
                throw problem;
            }
            errors.add(problem);
            return showFamily(familyId, form.applyTo(preferences), errors, model);
        }
        redirect.addFlashAttribute("form", form);
        redirect.addFlashAttribute("saved", true);
        return "redirect:/admin/notifications/familles/" + familyId;
    }

    private String showFamily(UUID familyId, Preferences preferences, FormErrors errors, Model model) {
        model.addAttribute("familyId", familyId);
        model.addAttribute("preferences", preferences);
        model.addAttribute("messages", notifications.messages(familyId));
        model.addAttribute("errors", errors.asMap());
        model.addAttribute("formError", null);
        return "notifications/console-family";
    }
}
