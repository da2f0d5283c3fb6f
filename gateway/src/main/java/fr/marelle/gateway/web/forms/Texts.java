package fr.marelle.gateway.web.forms;

import fr.marelle.gateway.services.ServiceProblem;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * The page's words in the visitor's language. Services answer in French: their field errors and problem details
 * are shown as they are in French, and through the English bundle's {@code service.field.<CODE>} and
 * {@code problem.<CODE>} translations in English (the French bundle has none, so the service's own words win).
 */
@Component("texts")
public class Texts {

    private final MessageSource messages;

    Texts(MessageSource messages) {
        this.messages = messages;
    }

    public String get(String key, Object... arguments) {
        return messages.getMessage(key, arguments, LocaleContextHolder.getLocale());
    }

    /** The message, or {@code fallback} as it is (not formatted) when there is none. */
    public String getOrDefault(String key, String fallback) {
        String message = messages.getMessage(key, null, null, LocaleContextHolder.getLocale());
        return message != null ? message : fallback;
    }

    /** A refusal's detail, for an alert on the page. */
    public String problem(ServiceProblem problem) {
        return getOrDefault("problem." + problem.code(), problem.getMessage());
    }

    /** A service's message for a field. */
    String field(ServiceProblem.FieldProblem problem) {
        return getOrDefault("service.field." + problem.code(), problem.message());
    }

    public FormErrors errors() {
        return new FormErrors(this);
    }
}
