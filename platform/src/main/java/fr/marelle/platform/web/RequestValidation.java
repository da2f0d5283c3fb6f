package fr.marelle.platform.web;

import fr.marelle.platform.errors.DomainException;
import fr.marelle.platform.errors.FieldViolation;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Validates a request whole: its Bean Validation constraints and the checks that need code (a password policy, a
 * confirmation that must match), so that every invalid field gets its message in one answer (400, VALIDATION_FAILED).
 */
public final class RequestValidation {

    private RequestValidation() {
    }

    public static void check(Validator validator, Object request, List<FieldViolation> more) {
        List<FieldViolation> violations = new ArrayList<>();
        for (ConstraintViolation<Object> violation : validator.validate(request)) {
            String path = violation.getPropertyPath().toString();
            violations.add(new FieldViolation(path,
                    ProblemDetailsAdvice.code(violation.getConstraintDescriptor().getAnnotation().annotationType()
                            .getSimpleName()),
                    violation.getMessage()));
        }
        for (FieldViolation extra : more) {
            if (violations.stream().noneMatch(v -> v.field().equals(extra.field()))) {
                violations.add(extra);
            }
        }
        if (!violations.isEmpty()) {
            violations.sort(Comparator.comparing(FieldViolation::field));
            throw DomainException.invalid("VALIDATION_FAILED", "Certains champs sont invalides.", violations);
        }
    }
}
