package fr.marelle.wallet.payment.provider;

/**
 * The payment-provider port: how the wallet opens a card payment, asks how it stands, and reads what the provider
 * tells it. Adapters: the local sandbox ({@code SANDBOX}, the default) and PayFiP ({@code PAYFIP}, the DGFiP's
 * service for towns). No card data ever reaches Marelle: the payer types it on the provider's page.
 */
public interface PaymentProvider {

    /** The name payments record, e.g. {@code SANDBOX}. */
    String name();

    /** Opens the provider's payment page for a payment. Called outside any transaction. */
    ProviderSession open(PaymentRequest request) throws ProviderUnavailableException;

    /** What the provider says of a payment now (reconciliation, the payer's return). Outside any transaction. */
    ProviderReport status(ProviderQuery query) throws ProviderUnavailableException;

    /**
     * Reads a notification the provider sent to the wallet: refuses what it did not sign (forged, altered, stale),
     * and says which payment it is about, with the outcome when the provider vouches for it in the notification
     * itself (else the wallet asks {@link #status}).
     */
    ProviderNotification read(IncomingNotification notification) throws RefusedNotificationException;
}
