package fr.marelle.contracts.billing;

import fr.marelle.contracts.ContractType;

import java.util.List;

/**
 * Scheduled charges that will not be due: cancelled in time ({@code CANCELLED}), or the day was closed by the town
 * ({@code CLOSURE}). The wallet releases what it reserved. Key: the family id.
 */
public record ChargesReleased(String familyId, String reason, List<OrderPlaced.Charge> charges) {

    public static final ContractType<ChargesReleased> TYPE =
            new ContractType<>("billing", "ChargesReleased", 1, ChargesReleased.class);
}
