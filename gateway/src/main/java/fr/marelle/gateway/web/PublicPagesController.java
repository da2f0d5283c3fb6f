package fr.marelle.gateway.web;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** Pages about the portal itself. */
@Controller
class PublicPagesController {

    @GetMapping("/accessibilite")
    String accessibility() {
        return "accessibility";
    }
}
