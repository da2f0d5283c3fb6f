package fr.marelle.wallet.payment;

/** What a provider says of a payment: still open, or how it ended. */
public enum PaymentOutcome {
    PENDING,
    SUCCEEDED,
    DECLINED,
    CANCELLED,
    EXPIRED;

    PaymentStatus status() {
        return PaymentStatus.valueOf(name());
    }
}
