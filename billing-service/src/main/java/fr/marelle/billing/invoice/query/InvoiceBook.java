package fr.marelle.billing.invoice.query;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Reads of invoices and credit notes. */
@Component
public class InvoiceBook {

    public record InvoiceSummary(UUID invoiceId, String number, String familyId, LocalDate periodStart,
                                 LocalDate periodEnd, long totalCents, long creditedCents, String billedTo,
                                 OffsetDateTime issuedAt) {
    }

    public record LineView(int lineIndex, String childName, String serviceName, String kind, long unitPriceCents,
                           int quantity, long amountCents, int creditedQuantity, List<LocalDate> dates) {
    }

    public record CreditNoteView(UUID creditNoteId, String number, UUID invoiceId, String familyId, long totalCents,
                                 String reason, OffsetDateTime issuedAt, String issuedBy) {
    }

    public record InvoiceDetail(InvoiceSummary invoice, List<LineView> lines, List<CreditNoteView> creditNotes) {
    }

    private record LineRow(int lineIndex, String childName, String serviceName, String kind, long unitPriceCents,
                           int quantity, long amountCents, int creditedQuantity, String dates) {
    }

    private static final String SUMMARY = "SELECT invoice_id, number, family_id, period_start, period_end, "
            + "total_cents, credited_cents, billed_to, issued_at FROM rm_invoice ";
    private static final String NOTE = "SELECT credit_note_id, number, invoice_id, family_id, total_cents, reason, "
            + "issued_at, issued_by FROM rm_credit_note ";

    private final JdbcClient jdbc;

    InvoiceBook(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A family's invoices, newest first. */
    public List<InvoiceSummary> invoicesOf(String familyId, int limit) {
        return jdbc.sql(SUMMARY + "WHERE family_id = ? ORDER BY issued_at DESC, number DESC LIMIT ?")
                .params(familyId, limit).query(InvoiceSummary.class).list();
    }

    public List<CreditNoteView> creditNotesOf(String familyId) {
        return jdbc.sql(NOTE + "WHERE family_id = ? ORDER BY issued_at DESC, number DESC").param(familyId)
                .query(CreditNoteView.class).list();
    }

    public Optional<InvoiceSummary> summary(UUID invoiceId) {
        return jdbc.sql(SUMMARY + "WHERE invoice_id = ?").param(invoiceId).query(InvoiceSummary.class).optional();
    }

    public Optional<InvoiceDetail> invoice(UUID invoiceId) {
        return summary(invoiceId).map(summary -> new InvoiceDetail(summary,
                jdbc.sql("SELECT line_index, child_name, service_name, kind, unit_price_cents, quantity, amount_cents, "
                                + "credited_quantity, dates FROM rm_invoice_line WHERE invoice_id = ? "
                                + "ORDER BY line_index")
                        .param(invoiceId).query(LineRow.class).list().stream()
                        .map(r -> new LineView(r.lineIndex(), r.childName(), r.serviceName(), r.kind(),
                                r.unitPriceCents(), r.quantity(), r.amountCents(), r.creditedQuantity(),
                                Arrays.stream(r.dates().split(",")).filter(s -> !s.isBlank())
                                        .map(LocalDate::parse).toList()))
                        .toList(),
                jdbc.sql(NOTE + "WHERE invoice_id = ? ORDER BY issued_at").param(invoiceId)
                        .query(CreditNoteView.class).list()));
    }

    public Optional<CreditNoteView> creditNote(UUID creditNoteId) {
        return jdbc.sql(NOTE + "WHERE credit_note_id = ?").param(creditNoteId).query(CreditNoteView.class).optional();
    }

    /** Invoices issued for a period, in number order (the console's month view, the auditors' sequence check). */
    public List<InvoiceSummary> issuedFor(LocalDate periodStart, int limit, int offset) {
        return jdbc.sql(SUMMARY + "WHERE period_start = ? ORDER BY number LIMIT ? OFFSET ?")
                .params(periodStart, limit, offset).query(InvoiceSummary.class).list();
    }
}
