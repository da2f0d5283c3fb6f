package fr.marelle.billing.invoice;

import org.axonframework.serialization.Revision;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * Facts of invoicing. Each carries every input of its PDF (addressee, issuer, lines, dates), so that the document can
 * be rendered again, byte for byte, at any time.
 */
public final class InvoiceEvents {

    private InvoiceEvents() {
    }

    @Revision("1")
    public record InvoiceIssued(UUID invoiceId, String number, String familyId, LocalDate periodStart,
                                LocalDate periodEnd, BilledTo billedTo, Issuer issuer, List<InvoiceLine> lines,
                                long totalCents, Instant issuedAt) {
    }

    @Revision("1")
    public record CreditNoteIssued(UUID creditNoteId, String number, UUID invoiceId, String invoiceNumber,
                                   String familyId, String reason, BilledTo billedTo, Issuer issuer,
                                   List<CreditNoteLine> lines, long totalCents, Instant issuedAt) {
    }
}
