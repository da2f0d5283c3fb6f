package fr.marelle.contracts.accounts;

import fr.marelle.contracts.ContractType;

/**
 * The quotient familial (and CAF number) a family declares; {@code null} when removed. Billing applies it with a
 * valid attestation. Key: the family id.
 */
public record QuotientFamilialChanged(String familyId, Integer quotientFamilial, String cafNumber) {

    public static final ContractType<QuotientFamilialChanged> TYPE =
            new ContractType<>("accounts", "QuotientFamilialChanged", 1, QuotientFamilialChanged.class);
}
