package fr.marelle.gateway.web;

import fr.marelle.gateway.security.CurrentActor;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

@Controller
class PublicPagesController {

    @GetMapping("/")
    String home() {
        return CurrentActor.user().filter(u -> u.isStaff()).isPresent() ? "redirect:/admin" : "home";
    }

    @GetMapping("/connexion")
    String login() {
        return "login";
    }

    @GetMapping("/accessibilite")
    String accessibility() {
        return "accessibility";
    }
}
