package fr.marelle.gateway.security;

import java.io.Serial;
import java.io.Serializable;

/**
 * Between the password and the second factor of a staff login: the challenge accounts-service gave, kept in the
 * session (never in a URL), and the enrolment being shown, so that reloading the page shows the same key. Removed
 * once the login completes.
 *
 * @param enrollment {@code true} when the staff member must first set up their authenticator
 */
public record PendingLogin(String challenge, boolean enrollment, String email, Enrollment shown)
        implements Serializable {

    @Serial
    private static final long serialVersionUID = 1L;

    public static final String ATTRIBUTE = "marelle.pendingLogin";

    /** The key to scan or type, as accounts-service generated it for this login. */
    public record Enrollment(String secret, String otpauthUri, String qrCodeDataUri) implements Serializable {
        @Serial
        private static final long serialVersionUID = 1L;
    }

    public PendingLogin showing(Enrollment enrollment) {
        return new PendingLogin(challenge, this.enrollment, email, enrollment);
    }
}
