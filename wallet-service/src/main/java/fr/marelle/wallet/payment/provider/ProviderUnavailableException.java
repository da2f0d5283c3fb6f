package fr.marelle.wallet.payment.provider;

/** The provider did not answer, answered an error, or answered what we cannot read: try again later. */
public class ProviderUnavailableException extends Exception {

    public ProviderUnavailableException(String message) {
        super(message);
    }

    public ProviderUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
