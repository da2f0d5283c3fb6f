package fr.marelle.gateway.web.notifications;

import fr.marelle.gateway.services.notifications.NotificationsClient;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The page behind a newsletter's unsubscribe link, for anyone (no login): a GET only asks to confirm, so that a mail
 * scanner following links unsubscribes nobody; the button posts the token, which travels in the form, never in a
 * redirect or a log line (the page sends {@code Referrer-Policy: no-referrer}).
 */
@Controller
class UnsubscribeController {

    private final NotificationsClient notifications;

    UnsubscribeController(NotificationsClient notifications) {
        this.notifications = notifications;
    }

    @GetMapping("/newsletter/desinscription")
    String confirm(@RequestParam(name = "jeton", defaultValue = "") String token, HttpServletResponse response,
                   Model model) {
        response.setHeader("Referrer-Policy", "no-referrer");
        model.addAttribute("token", token.strip());
        return "notifications/unsubscribe";
    }

    @PostMapping("/newsletter/desinscription")
    String unsubscribe(@RequestParam(name = "token", defaultValue = "") String token, HttpServletResponse response,
                       Model model) {
        response.setHeader("Referrer-Policy", "no-referrer");
        boolean known = !token.isBlank() && token.length() <= 100 && notifications.unsubscribe(token.strip());
        if (!known) {
            response.setStatus(404);
        }
        model.addAttribute("known", known);
        return "notifications/unsubscribed";
    }
}
