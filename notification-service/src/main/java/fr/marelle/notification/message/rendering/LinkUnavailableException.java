package fr.marelle.notification.message.rendering;

/**
 * No link could be obtained. Transient by default (the issuer is down, slow, or not wired yet): the attempt is
 * retried. Permanent when the issuer refuses for good (the account is gone): the message fails at once. The message
 * says why, never what the link would have been.
 */
public class LinkUnavailableException extends Exception {

    private final boolean permanent;

    public LinkUnavailableException(String reason) {
        this(reason, false, null);
    }

    public LinkUnavailableException(String reason, boolean permanent, Throwable cause) {
        super(reason, cause);
        this.permanent = permanent;
    }

    public boolean isPermanent() {
        return permanent;
    }
}
