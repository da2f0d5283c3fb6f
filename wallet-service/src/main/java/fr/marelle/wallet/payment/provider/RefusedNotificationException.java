package fr.marelle.wallet.payment.provider;

/**
 * A notification the provider did not send as it is: no signature, a wrong one (forged or altered), too old to be
 * trusted, or unreadable. It changes nothing and is logged.
 */
public class RefusedNotificationException extends Exception {

    private final String code;

    public RefusedNotificationException(String code, String message) {
        super(message);
        this.code = code;
    }

    public String code() {
        return code;
    }
}
