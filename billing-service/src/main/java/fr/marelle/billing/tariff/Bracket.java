package fr.marelle.billing.tariff;

/**
 * One quotient familial bracket of a tariff grid: families whose QF is at most {@code maxQuotientFamilial} (and above
 * the previous bracket's) pay {@code unitPriceCents} per unit. The last bracket has no upper bound: families above
 * every bound, and families without a valid QF attestation, pay it.
 */
public record Bracket(Integer maxQuotientFamilial, long unitPriceCents) {
}
