package fr.marelle.wallet.wallet;

/** Where money entering a wallet comes from (an adjustment may also take money out). */
public enum CreditKind {
    /** A card payment through the payment provider. */
    TOP_UP,
    /** A CESU cheque handed to the town, into the CESU balance. */
    CESU_CHEQUE,
    /** Cash paid at the town hall. */
    CASH,
    /** A bank cheque paid to the town. */
    CHEQUE,
    /** The town gives money back into the wallet (e.g. a day charged by mistake). */
    REFUND,
    /** A correction by staff, either way. */
    ADJUSTMENT
}
