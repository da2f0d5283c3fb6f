package fr.marelle.contracts.billing;

import fr.marelle.contracts.ContractType;

import java.util.List;

/**
 * Charges scheduled outside an order (a waitlisted booking that got its place). Key: the family id.
 */
public record ChargesScheduled(String familyId, String reason, List<OrderPlaced.Charge> charges) {

    public static final ContractType<ChargesScheduled> TYPE =
            new ContractType<>("billing", "ChargesScheduled", 1, ChargesScheduled.class);
}
