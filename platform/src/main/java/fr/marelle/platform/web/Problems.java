package fr.marelle.platform.web;

import fr.marelle.platform.audit.ActorContext;
import fr.marelle.platform.errors.FieldViolation;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

import java.net.URI;
import java.util.List;
import java.util.Locale;

/** RFC 9457 problem details with a stable {@code code}, field errors and the correlation id of the request. */
public final class Problems {

    public static final String CODE = "code";
    public static final String ERRORS = "errors";
    public static final String CORRELATION_ID = "correlationId";

    private Problems() {
    }

    public static ProblemDetail of(HttpStatus status, String code, String detail) {
        return of(status, code, detail, List.of());
    }

    public static ProblemDetail of(HttpStatus status, String code, String detail, List<FieldViolation> errors) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(typeOf(code));
        problem.setTitle(status.getReasonPhrase());
        problem.setProperty(CODE, code);
        if (!errors.isEmpty()) {
            problem.setProperty(ERRORS, errors);
        }
        ActorContext.current().ifPresent(c -> problem.setProperty(CORRELATION_ID, c.correlationId()));
        return problem;
    }

    /** A stable, location-independent identifier for the kind of problem. */
    public static URI typeOf(String code) {
        return URI.create("urn:marelle:problem:" + code.toLowerCase(Locale.ROOT).replace('_', '-'));
    }
}
