package fr.marelle.gateway.web;

import fr.marelle.gateway.config.GatewayProperties;
import fr.marelle.gateway.security.CurrentActor;
import fr.marelle.gateway.security.GatewayUser;
import fr.marelle.gateway.services.ServiceProblem;
import fr.marelle.gateway.services.ServiceUnavailable;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ModelAttribute;

/** What every page knows: the town, the user; and how pages fail when a service does. */
@ControllerAdvice
public class GlobalModel {

    private static final Logger log = LoggerFactory.getLogger(GlobalModel.class);

    private final GatewayProperties properties;

    public GlobalModel(GatewayProperties properties) {
        this.properties = properties;
    }

    @ModelAttribute("townName")
    String townName() {
        return properties.getTown().getName();
    }

    @ModelAttribute("currentUser")
    GatewayUser currentUser() {
        return CurrentActor.user().orElse(null);
    }

    @ExceptionHandler(ServiceUnavailable.class)
    String unavailable(ServiceUnavailable e, Model model, HttpServletResponse response) {
        log.warn("{}", e.getMessage(), e.getCause());
        response.setStatus(503);
        model.addAttribute("townName", townName());
        model.addAttribute("currentUser", currentUser());
        model.addAttribute("service", e.service());
        return "error/unavailable";
    }

    @ExceptionHandler(ServiceProblem.class)
    String problem(ServiceProblem e, Model model, HttpServletResponse response) {
        response.setStatus(e.status());
        model.addAttribute("townName", townName());
        model.addAttribute("currentUser", currentUser());
        model.addAttribute("problem", e);
        return e.isNotFound() ? "error/404" : "error/problem";
    }
}
