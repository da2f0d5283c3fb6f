package fr.marelle.children;

import fr.marelle.platform.errors.DomainException;
import org.hamcrest.Description;
import org.hamcrest.Matcher;
import org.hamcrest.TypeSafeMatcher;

/** Matchers of refusals for Axon's fixtures: by stable code, by the field they name. */
public final class DomainErrors {

    private DomainErrors() {
    }

    public static Matcher<DomainException> withCode(String code) {
        return new TypeSafeMatcher<>() {
            @Override
            protected boolean matchesSafely(DomainException e) {
                return code.equals(e.code());
            }

            @Override
            public void describeTo(Description description) {
                description.appendText("a refusal with code " + code);
            }
        };
    }

    public static Matcher<DomainException> namingField(String field) {
        return new TypeSafeMatcher<>() {
            @Override
            protected boolean matchesSafely(DomainException e) {
                return e.violations().stream().anyMatch(v -> v.field().equals(field));
            }

            @Override
            public void describeTo(Description description) {
                description.appendText("a refusal naming the field " + field);
            }
        };
    }
}
