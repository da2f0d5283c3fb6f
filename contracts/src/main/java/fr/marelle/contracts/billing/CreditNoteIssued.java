package fr.marelle.contracts.billing;

import fr.marelle.contracts.ContractType;

import java.time.Instant;

/**
 * A credit note corrects an issued invoice (numbered without gaps per year, like invoices). Key: the family id.
 */
public record CreditNoteIssued(String creditNoteId, String number, String familyId, String invoiceId,
                               long totalCents, String reason, Instant issuedAt) {

    public static final ContractType<CreditNoteIssued> TYPE =
            new ContractType<>("billing", "CreditNoteIssued", 1, CreditNoteIssued.class);
}
