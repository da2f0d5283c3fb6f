package fr.marelle.billing.charge;

/** A booked day, or a presence without booking (priced with the town's surcharge). */
public enum ChargeKind {
    BOOKED,
    UNBOOKED
}
