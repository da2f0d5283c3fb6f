package fr.marelle.gateway.web.forms;

import org.springframework.stereotype.Component;

/** For the templates: {@code ${@forms.id(name)}} gives a field's HTML id. */
@Component("forms")
public class FormIds {

    public String id(String field) {
        return FormErrors.id(field);
    }
}
