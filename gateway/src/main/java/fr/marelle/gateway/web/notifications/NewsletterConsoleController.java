package fr.marelle.gateway.web.notifications;

import fr.marelle.gateway.services.ServiceProblem;
import fr.marelle.gateway.services.notifications.NotificationsClient;
import fr.marelle.gateway.services.notifications.NotificationsClient.NewsletterDetail;
import fr.marelle.gateway.web.forms.FormErrors;
import fr.marelle.gateway.web.forms.Texts;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.io.Serial;
import java.io.Serializable;
import java.util.UUID;

/**
 * Staff console, the town's newsletter: write a news item, see it as families will (subject, text, how many
 * guardians it would reach now), send it to the guardians who consented, and follow the sending while it goes (the
 * progress part of the page refreshes itself with htmx, and is a plain link without JavaScript).
 */
@Controller
class NewsletterConsoleController {

    /** A news item as typed. */
    public static class NewsletterForm implements Serializable {
        @Serial
        private static final long serialVersionUID = 1L;
        public String subject = "";
        public String body = "";
    }

    static final int SUBJECT_MAX = 150;
    static final int BODY_MAX = 20_000;

    private final NotificationsClient notifications;
    private final Texts texts;

    NewsletterConsoleController(NotificationsClient notifications, Texts texts) {
        this.notifications = notifications;
        this.texts = texts;
    }

    @GetMapping("/admin/lettres")
    String list(Model model) {
        model.addAttribute("newsletters", notifications.newsletters());
        return "notifications/newsletters";
    }

    @GetMapping("/admin/lettres/nouvelle")
    String newNewsletter(Model model) {
        return showForm(null, new NewsletterForm(), texts.errors(), model);
    }

    @PostMapping("/admin/lettres")
    String write(@ModelAttribute("form") NewsletterForm form, Model model) {
        FormErrors errors = check(form);
        if (!errors.isEmpty()) {
            return showForm(null, form, errors, model);
        }
        try {
            NewsletterDetail written = notifications.write(form.subject.strip(), form.body.strip());
            return "redirect:/admin/lettres/" + written.newsletter().newsletterId() + "?enregistree";
        } catch (ServiceProblem problem) {
            if (!problem.isInvalidInput()) {
                throw problem;
            }
            errors.add(problem);
            return showForm(null, form, errors, model);
        }
    }

    @GetMapping("/admin/lettres/{newsletterId}")
    String newsletter(@PathVariable UUID newsletterId, HttpServletRequest request, Model model) {
        NewsletterDetail detail = notifications.newsletter(newsletterId);
        model.addAttribute("saved", request.getParameterMap().containsKey("enregistree"));
        model.addAttribute("sending", request.getParameterMap().containsKey("envoi"));
        NewsletterForm form = new NewsletterForm();
        form.subject = detail.newsletter().subject();
        form.body = detail.newsletter().body();
        return showNewsletter(detail, form, texts.errors(), null, model);
    }

    @PostMapping("/admin/lettres/{newsletterId}")
    String revise(@PathVariable UUID newsletterId, @ModelAttribute("form") NewsletterForm form, Model model) {
        FormErrors errors = check(form);
        if (errors.isEmpty()) {
            try {
                notifications.revise(newsletterId, form.subject.strip(), form.body.strip());
                return "redirect:/admin/lettres/" + newsletterId + "?enregistree";
            } catch (ServiceProblem problem) {
                if (problem.isInvalidInput()) {
                    errors.add(problem);
                } else if (problem.status() == 422) {
                    return showNewsletter(notifications.newsletter(newsletterId), form, errors,
                            texts.problem(problem), model);
                } else {
                    throw problem;
                }
            }
        }
        return showNewsletter(notifications.newsletter(newsletterId), form, errors, null, model);
    }

    @PostMapping("/admin/lettres/{newsletterId}/envoi")
    String send(@PathVariable UUID newsletterId, RedirectAttributes redirect) {
        try {
            notifications.send(newsletterId);
        } catch (ServiceProblem problem) {
            if (problem.status() != 422) {
                throw problem;
            }
            redirect.addFlashAttribute("refused", texts.problem(problem));
        }
        return "redirect:/admin/lettres/" + newsletterId + "?envoi";
    }

    /** The progress alone, for the page to follow the sending without reloading (htmx). */
    @GetMapping("/admin/lettres/{newsletterId}/progression")
    String progress(@PathVariable UUID newsletterId, Model model) {
        model.addAttribute("detail", notifications.newsletter(newsletterId));
        return "notifications/parts :: progress";
    }

    private FormErrors check(NewsletterForm form) {
        FormErrors errors = texts.errors();
        if (errors.required("subject", form.subject, "notifications.newsletter.subject.required")) {
            errors.maxLength("subject", form.subject, SUBJECT_MAX);
            if (form.subject.strip().contains("\n") || form.subject.contains("\r")) {
                errors.reject("subject", "notifications.newsletter.subject.oneLine");
            }
        }
        if (errors.required("body", form.body, "notifications.newsletter.body.required")) {
            errors.maxLength("body", form.body, BODY_MAX);
        }
        return errors;
    }

    private String showForm(UUID newsletterId, NewsletterForm form, FormErrors errors, Model model) {
        model.addAttribute("newsletterId", newsletterId);
        model.addAttribute("form", form);
        model.addAttribute("errors", errors.asMap());
        model.addAttribute("formError", null);
        return "notifications/newsletter-new";
    }

    private String showNewsletter(NewsletterDetail detail, NewsletterForm form, FormErrors errors, String formError,
                                  Model model) {
        model.addAttribute("detail", detail);
        model.addAttribute("form", form);
        model.addAttribute("errors", errors.asMap());
        model.addAttribute("formError", formError);
        model.addAttribute("preview", notifications.preview(detail.newsletter().newsletterId(),
                LocaleContextHolder.getLocale().getLanguage()));
        return "notifications/newsletter";
    }
}
