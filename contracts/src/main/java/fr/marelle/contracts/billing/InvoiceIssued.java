package fr.marelle.contracts.billing;

import fr.marelle.contracts.ContractType;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A monthly invoice was issued (numbered without gaps per year, never changed; its PDF is at billing-service).
 * Key: the family id.
 */
public record InvoiceIssued(String invoiceId, String number, String familyId, LocalDate periodStart,
                            LocalDate periodEnd, long totalCents, Instant issuedAt) {

    public static final ContractType<InvoiceIssued> TYPE =
            new ContractType<>("billing", "InvoiceIssued", 1, InvoiceIssued.class);
}
