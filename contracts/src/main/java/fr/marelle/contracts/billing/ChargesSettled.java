package fr.marelle.contracts.billing;

import fr.marelle.contracts.ContractType;

import java.time.LocalDate;
import java.util.List;

/**
 * Charges now due because the child attended, or was absent without excuse, or was present without booking (the
 * town's surcharge rule then priced it). The wallet debits them. One message per family and service-day.
 * Key: the family id.
 */
public record ChargesSettled(String familyId, String serviceId, LocalDate date, List<OrderPlaced.Charge> charges) {

    public static final ContractType<ChargesSettled> TYPE =
            new ContractType<>("billing", "ChargesSettled", 1, ChargesSettled.class);
}
