package fr.marelle.platform.errors;

import java.util.List;

/**
 * A refusal with a stable error code (e.g. {@code WALLET_TOP_UP_BELOW_MINIMUM}). It survives the local command bus
 * and becomes an RFC 9457 problem whose {@code code} is this code and whose status follows the {@link ErrorKind}.
 * The message is French, fit for a parent or staff member.
 */
public class DomainException extends RuntimeException {

    private final ErrorKind kind;
    private final String code;
    private final List<FieldViolation> violations;

    public DomainException(ErrorKind kind, String code, String message) {
        this(kind, code, message, List.of());
    }

    public DomainException(ErrorKind kind, String code, String message, List<FieldViolation> violations) {
        super(message);
        this.kind = kind;
        this.code = code;
        this.violations = List.copyOf(violations);
    }

    public static DomainException notFound(String code, String message) {
        return new DomainException(ErrorKind.NOT_FOUND, code, message);
    }

    public static DomainException rule(String code, String message) {
        return new DomainException(ErrorKind.RULE_VIOLATED, code, message);
    }

    public static DomainException conflict(String code, String message) {
        return new DomainException(ErrorKind.CONFLICT, code, message);
    }

    public static DomainException forbidden(String code, String message) {
        return new DomainException(ErrorKind.FORBIDDEN, code, message);
    }

    public static DomainException invalid(String code, String message, List<FieldViolation> violations) {
        return new DomainException(ErrorKind.INVALID, code, message, violations);
    }

    public ErrorKind kind() {
        return kind;
    }

    public String code() {
        return code;
    }

    public List<FieldViolation> violations() {
        return violations;
    }
}
