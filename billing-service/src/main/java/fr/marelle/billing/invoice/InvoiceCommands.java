package fr.marelle.billing.invoice;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

public final class InvoiceCommands {

    private InvoiceCommands() {
    }

    /** The month's invoice of a family, with the number allocated in the same transaction. */
    public record IssueInvoice(@TargetAggregateIdentifier UUID invoiceId, String number, String familyId,
                               LocalDate periodStart, LocalDate periodEnd, BilledTo billedTo, Issuer issuer,
                               List<InvoiceLine> lines, Instant issuedAt) {
    }

    /** Units of an invoice line to credit back. */
    public record CreditedUnits(int lineIndex, int quantity) {
    }

    /** A correction of an issued invoice: a credit note with its own number and a reason. */
    public record IssueCreditNote(@TargetAggregateIdentifier UUID invoiceId, UUID creditNoteId, String number,
                                  String reason, List<CreditedUnits> lines, Issuer issuer, Instant issuedAt) {
    }
}
