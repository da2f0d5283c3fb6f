package fr.marelle.billing.invoice.query;

import fr.marelle.billing.invoice.BilledTo;
import fr.marelle.billing.invoice.CreditNoteLine;
import fr.marelle.billing.invoice.InvoiceEvents.CreditNoteIssued;
import fr.marelle.billing.invoice.InvoiceEvents.InvoiceIssued;
import fr.marelle.billing.invoice.InvoiceLine;
import fr.marelle.platform.audit.AuditMetadata;
import fr.marelle.platform.audit.history.ProjectionTables;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.util.stream.Collectors;

/** Read model "invoices": invoices, their lines and credit notes. */
@Component
@ProcessingGroup("invoices")
@ProjectionTables({"rm_invoice", "rm_invoice_line", "rm_credit_note"})
class InvoiceProjection {

    private final JdbcClient jdbc;

    InvoiceProjection(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(InvoiceIssued event) {
        jdbc.sql("""
                        INSERT INTO rm_invoice (invoice_id, number, family_id, period_start, period_end, total_cents,
                            billed_to, issued_at)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (invoice_id) DO NOTHING""")
                .params(event.invoiceId(), event.number(), event.familyId(), event.periodStart(), event.periodEnd(),
                        event.totalCents(), name(event.billedTo()), Timestamp.from(event.issuedAt()))
                .update();
        for (InvoiceLine line : event.lines()) {
            jdbc.sql("""
                            INSERT INTO rm_invoice_line (invoice_id, line_index, child_name, service_name, kind,
                                unit_price_cents, quantity, amount_cents, dates)
                            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING""")
                    .params(event.invoiceId(), line.index(), line.childName(), line.serviceName(), line.kind().name(),
                            line.unitPriceCents(), line.quantity(), line.amountCents(),
                            line.dates().stream().map(Object::toString).collect(Collectors.joining(",")))
                    .update();
        }
    }

    @EventHandler
    void on(CreditNoteIssued event, @MetaDataValue(AuditMetadata.ACTOR_ID) String actor) {
        int inserted = jdbc.sql("""
                        INSERT INTO rm_credit_note (credit_note_id, number, invoice_id, family_id, total_cents, reason,
                            issued_at, issued_by)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (credit_note_id) DO NOTHING""")
                .params(event.creditNoteId(), event.number(), event.invoiceId(), event.familyId(), event.totalCents(),
                        event.reason(), Timestamp.from(event.issuedAt()), actor)
                .update();
        if (inserted == 0) {
            return;
        }
        jdbc.sql("UPDATE rm_invoice SET credited_cents = credited_cents + ? WHERE invoice_id = ?")
                .params(event.totalCents(), event.invoiceId()).update();
        for (CreditNoteLine line : event.lines()) {
            jdbc.sql("UPDATE rm_invoice_line SET credited_quantity = credited_quantity + ? "
                            + "WHERE invoice_id = ? AND line_index = ?")
                    .params(line.quantity(), event.invoiceId(), line.invoiceLineIndex()).update();
        }
    }

    private static String name(BilledTo billedTo) {
        return billedTo.name();
    }

    @ResetHandler
    void reset() {
        jdbc.sql("TRUNCATE rm_invoice, rm_invoice_line, rm_credit_note").update();
    }
}
