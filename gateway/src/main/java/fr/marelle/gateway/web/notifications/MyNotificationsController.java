package fr.marelle.gateway.web.notifications;

import fr.marelle.gateway.security.CurrentActor;
import fr.marelle.gateway.security.GatewayUser;
import fr.marelle.gateway.services.ServiceProblem;
import fr.marelle.gateway.services.ServiceUnavailable;
import fr.marelle.gateway.services.notifications.AlertThresholdClient;
import fr.marelle.gateway.services.notifications.NotificationsClient;
import fr.marelle.gateway.services.notifications.NotificationsClient.Preferences;
import fr.marelle.gateway.web.forms.FormErrors;
import fr.marelle.gateway.web.forms.Texts;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.util.UUID;

/**
 * "Mes notifications" (screen 21): for each kind of message, by SMS and/or by email, and the wallet's alert threshold
 * (wallet-service's: 15,00 € unless the family changed it); then the history of every message the family was sent,
 * with where it stands. A family without a mobile number is offered email only. notification-service and
 * wallet-service scope every call to the parent's own family.
 */
@Controller
class MyNotificationsController {

    private static final Logger log = LoggerFactory.getLogger(MyNotificationsController.class);

    private final NotificationsClient notifications;
    private final AlertThresholdClient thresholds;
    private final Texts texts;

    MyNotificationsController(NotificationsClient notifications, AlertThresholdClient thresholds, Texts texts) {
        this.notifications = notifications;
        this.thresholds = thresholds;
        this.texts = texts;
    }

    @GetMapping("/mes-notifications")
    String preferences(Model model) {
        Preferences preferences = notifications.preferences(null);
        Long threshold = threshold();
        if (model.containsAttribute("form")) {
            // just saved: the page shows what was saved (the read models follow a moment later)
            PreferencesForm saved = (PreferencesForm) model.getAttribute("form");
            preferences = saved.applyTo(preferences);
            Long typed = PreferencesForm.cents(saved.threshold);
            threshold = typed != null ? typed : threshold;
        } else {
            model.addAttribute("form", PreferencesForm.of(preferences, threshold));
        }
        return show(preferences, threshold, texts.errors(), null, model);
    }

    @PostMapping("/mes-notifications")
    String save(@ModelAttribute("form") PreferencesForm form, RedirectAttributes redirect, Model model) {
        Preferences preferences = notifications.preferences(null);
        Long current = threshold();
        FormErrors errors = texts.errors();
        Long cents = checkThreshold(form.threshold, errors);
        if (!errors.isEmpty()) {
            return show(form.applyTo(preferences), current, errors, null, model);
        }
        String formError = null;
        if (cents != null && !cents.equals(current)) {
            try {
                thresholds.change(familyId(), cents);
            } catch (ServiceProblem problem) {
                if (problem.isInvalidInput() || problem.status() == 422) {
                    errors.reject("threshold", "notifications.threshold.refused", texts.problem(problem));
                } else {
                    throw problem;
                }
            } catch (ServiceUnavailable unavailable) {
                formError = texts.get("notifications.threshold.unavailable");
            }
        }
        try {
            notifications.choose(null, form.choices(preferences));
        } catch (ServiceProblem problem) {
            if (!problem.isInvalidInput()) {
                throw problem;
            }
            errors.add(problem);
        }
        if (!errors.isEmpty() || formError != null) {
            return show(form.applyTo(preferences), current, errors, formError, model);
        }
        redirect.addFlashAttribute("form", form);
        redirect.addFlashAttribute("saved", true);
        return "redirect:/mes-notifications";
    }

    @GetMapping("/mes-notifications/historique")
    String history(Model model) {
        model.addAttribute("messages", notifications.messages(null));
        return "notifications/history";
    }

    /** A threshold left blank is not changed (the page leaves it blank when wallet-service cannot say it). */
    private Long checkThreshold(String typed, FormErrors errors) {
        if (typed == null || typed.isBlank()) {
            return null;
        }
        Long cents = PreferencesForm.cents(typed);
        if (cents == null) {
            errors.reject("threshold", "notifications.threshold.format");
        } else if (cents > PreferencesForm.MAX_THRESHOLD_CENTS) {
            errors.reject("threshold", "notifications.threshold.maximum");
        }
        return cents;
    }

    /** The wallet's threshold; null when wallet-service cannot say (the page says so and shows the default). */
    private Long threshold() {
        try {
            return thresholds.thresholdCents(familyId());
        } catch (ServiceUnavailable | ServiceProblem e) {
            log.warn("The alert threshold of family {} cannot be read: {}", familyId(), e.getMessage());
            return null;
        }
    }

    private String show(Preferences preferences, Long threshold, FormErrors errors, String formError, Model model) {
        model.addAttribute("preferences", preferences);
        model.addAttribute("thresholdKnown", threshold != null);
        model.addAttribute("thresholdCents", threshold);
        model.addAttribute("errors", errors.asMap());
        model.addAttribute("formError", formError);
        return "notifications/my-notifications";
    }

    private static UUID familyId() {
        GatewayUser user = CurrentActor.user().orElseThrow();
        return UUID.fromString(user.familyId());
    }
}
