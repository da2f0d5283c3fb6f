package fr.marelle.platform.errors;

import org.springframework.http.HttpStatus;

/** How a refusal maps to HTTP, as RFC 9457 problem details. */
public enum ErrorKind {
    /** Malformed or invalid input. */
    INVALID(HttpStatus.BAD_REQUEST),
    /** Unknown id, or an id of another family. */
    NOT_FOUND(HttpStatus.NOT_FOUND),
    /** A concurrent change or a duplicate. */
    CONFLICT(HttpStatus.CONFLICT),
    /** Well-formed input that a business rule refuses. */
    RULE_VIOLATED(HttpStatus.UNPROCESSABLE_ENTITY),
    /** The caller's role may not do this. */
    FORBIDDEN(HttpStatus.FORBIDDEN),
    /** Too many attempts (logins, resets): wait before trying again. */
    TOO_MANY_ATTEMPTS(HttpStatus.TOO_MANY_REQUESTS),
    /** A dependency (database, broker, provider) is not available. */
    UNAVAILABLE(HttpStatus.SERVICE_UNAVAILABLE);

    private final HttpStatus status;

    ErrorKind(HttpStatus status) {
        this.status = status;
    }

    public HttpStatus status() {
        return status;
    }
}
