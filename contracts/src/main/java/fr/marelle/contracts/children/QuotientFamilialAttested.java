package fr.marelle.contracts.children;

import fr.marelle.contracts.ContractType;

import java.time.LocalDate;

/**
 * Staff validated a family's QF attestation: billing applies the family's declared quotient familial from
 * {@code validFrom} to {@code validUntil}; without a valid attestation the family pays the top bracket.
 * Key: the family id.
 */
public record QuotientFamilialAttested(String familyId, String documentId, int quotientFamilial,
                                       LocalDate validFrom, LocalDate validUntil) {

    public static final ContractType<QuotientFamilialAttested> TYPE =
            new ContractType<>("children", "QuotientFamilialAttested", 1, QuotientFamilialAttested.class);
}
