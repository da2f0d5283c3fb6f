package fr.marelle.billing.charge;

/**
 * Where a charge stands: {@code SCHEDULED} when booked ("à venir"), then {@code RELEASED} (cancelled in time, or the
 * day closed), {@code SETTLED} (present, or absent without excuse: due and invoiced at month end) or {@code WAIVED}
 * (excused absence). The last three are final.
 */
public enum ChargeState {
    SCHEDULED,
    RELEASED,
    SETTLED,
    WAIVED
}
