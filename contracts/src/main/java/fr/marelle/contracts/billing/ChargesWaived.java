package fr.marelle.contracts.billing;

import fr.marelle.contracts.ContractType;

import java.util.List;

/**
 * Scheduled charges not due because the absence was excused ({@code EXCUSED_ABSENCE}). The wallet releases what it
 * reserved. Key: the family id.
 */
public record ChargesWaived(String familyId, String reason, List<OrderPlaced.Charge> charges) {

    public static final ContractType<ChargesWaived> TYPE =
            new ContractType<>("billing", "ChargesWaived", 1, ChargesWaived.class);
}
