package fr.marelle.billing.document;

import fr.marelle.billing.invoice.InvoiceEvents.CreditNoteIssued;
import fr.marelle.billing.invoice.InvoiceEvents.InvoiceIssued;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DisallowReplay;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.UUID;

/**
 * "documents": each invoice's and credit note's PDF, rendered once from its event when it is issued (on the
 * processor's threads, out of the issuing transaction) and kept as the document the family downloaded. Rendering is
 * a side effect, not a projection: it is never replayed (neither by a token reset nor by the audit console's
 * rebuild, which would render every PDF of the town again to compare it with itself). A PDF missing from the table
 * is rendered from the event store on download, byte for byte the same ({@link Documents}).
 */
@Component
@ProcessingGroup("documents")
@DisallowReplay
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
}
