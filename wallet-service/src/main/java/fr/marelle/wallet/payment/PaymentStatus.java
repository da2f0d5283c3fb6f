package fr.marelle.wallet.payment;

/** Where a card payment stands. The last four are final, except that a provider's "paid" always wins (see Payment). */
public enum PaymentStatus {
    /** Asked for; the provider's page is not open yet. */
    STARTED,
    /** The provider opened its page; the payer is on it, or left it without a word yet. */
    PENDING,
    /** The provider could not be reached: the payer never left the portal. */
    NOT_OPENED,
    SUCCEEDED,
    DECLINED,
    CANCELLED,
    EXPIRED;

    public boolean isFinal() {
        return this != STARTED && this != PENDING;
    }
}
