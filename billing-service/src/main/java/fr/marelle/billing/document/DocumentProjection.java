package fr.marelle.billing.document;

import fr.marelle.billing.invoice.InvoiceEvents.CreditNoteIssued;
import fr.marelle.billing.invoice.InvoiceEvents.InvoiceIssued;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.UUID;

/**
 * Read model "documents": each invoice's and credit note's PDF, rendered once from its event when it is issued (on
 * the processor's threads, out of the issuing transaction). Rebuilding renders them again: the same bytes.
 */
@Component
@ProcessingGroup("documents")
class DocumentProjection {

    private final JdbcClient jdbc;
    private final Clock clock;

    DocumentProjection(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @EventHandler
    void on(InvoiceIssued event) {
        store(event.invoiceId(), "INVOICE", event.familyId(), event.number(), DocumentRenderer.invoice(event));
    }

    @EventHandler
    void on(CreditNoteIssued event) {
        store(event.creditNoteId(), "CREDIT_NOTE", event.familyId(), event.number(),
                DocumentRenderer.creditNote(event));
    }

    private void store(UUID id, String kind, String familyId, String number, byte[] pdf) {
        jdbc.sql("""
                        INSERT INTO invoice_document (document_id, kind, family_id, number, pdf, sha256, rendered_at)
                        VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (document_id) DO NOTHING""")
                .params(id, kind, familyId, number, pdf, DocumentRenderer.sha256(pdf), Timestamp.from(clock.instant()))
                .update();
    }

    @ResetHandler
    void reset() {
        jdbc.sql("TRUNCATE invoice_document").update();
    }
}
