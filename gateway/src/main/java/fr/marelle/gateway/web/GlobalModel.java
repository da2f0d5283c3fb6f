package fr.marelle.gateway.web;

import fr.marelle.gateway.security.CurrentActor;
import fr.marelle.gateway.security.GatewayUser;
import fr.marelle.gateway.services.ServiceProblem;
import fr.marelle.gateway.services.ServiceUnavailable;
import fr.marelle.gateway.web.forms.Texts;
import fr.marelle.gateway.web.town.TownIdentity;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.ui.Model;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.util.UriComponentsBuilder;

/** What every page knows: the town, the user, the other language; and how pages fail when a service does. */
@ControllerAdvice
public class GlobalModel {

    private static final Logger log = LoggerFactory.getLogger(GlobalModel.class);

    private final TownIdentity town;
    private final Texts texts;

    public GlobalModel(TownIdentity town, Texts texts) {
        this.town = town;
        this.texts = texts;
    }

    /** Form-backing objects are plain holders with public fields, bound by field. */
    @InitBinder
    void bindFields(WebDataBinder binder) {
        binder.initDirectFieldAccess();
    }

    @ModelAttribute("townName")
    String townName() {
        return town.name();
    }

    @ModelAttribute("townContactEmail")
    String townContactEmail() {
        return town.contactEmail();
    }

    @ModelAttribute("townLogo")
    boolean townLogo() {
        return town.current().hasLogo();
    }

    @ModelAttribute("currentUser")
    GatewayUser currentUser() {
        return CurrentActor.user().orElse(null);
    }

    /**
     * The same page in the other language: a GET of the current address with {@code lang} set (after a POST, the
     * page's address). Its other parameters are kept, so that a page opened from an emailed link still works.
     */
    @ModelAttribute("otherLanguageUrl")
    String otherLanguageUrl(HttpServletRequest request) {
        String other = "en".equals(LocaleContextHolder.getLocale().getLanguage()) ? "fr" : "en";
        // an error page shows the address that failed, not /error
        Object failed = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        UriComponentsBuilder url = UriComponentsBuilder.fromPath(failed != null ? failed.toString()
                : request.getRequestURI());
        if (failed == null && "GET".equals(request.getMethod())) {
            request.getParameterMap().forEach((name, values) -> {
                if (!"lang".equals(name) && !"continue".equals(name)) {
                    url.queryParam(name, (Object[]) values);
                }
            });
        }
        return url.replaceQueryParam("lang", other).encode().build().toUriString();
    }

    @ExceptionHandler(ServiceUnavailable.class)
    String unavailable(ServiceUnavailable e, Model model, HttpServletRequest request, HttpServletResponse response) {
        log.warn("{}", e.getMessage(), e.getCause());
        response.setStatus(503);
        common(model, request);
        model.addAttribute("service", e.service());
        return "error/unavailable";
    }

    @ExceptionHandler(ServiceProblem.class)
    String problem(ServiceProblem e, Model model, HttpServletRequest request, HttpServletResponse response) {
        response.setStatus(e.status());
        common(model, request);
        model.addAttribute("problem", texts.problem(e));
        if (e.isNotFound()) {
            return "error/404";
        }
        return e.status() == 403 ? "error/403" : "error/problem";
    }

    private void common(Model model, HttpServletRequest request) {
        model.addAttribute("townName", townName());
        model.addAttribute("townContactEmail", townContactEmail());
        model.addAttribute("townLogo", townLogo());
        model.addAttribute("currentUser", currentUser());
        model.addAttribute("otherLanguageUrl", otherLanguageUrl(request));
    }
}
