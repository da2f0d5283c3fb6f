package fr.marelle.billing.document;

import fr.marelle.billing.invoice.InvoiceEvents.CreditNoteIssued;
import fr.marelle.billing.invoice.InvoiceEvents.InvoiceIssued;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.util.Optional;
import java.util.UUID;

/**
 * The PDF of an invoice or credit note: the one stored when it was issued, or — while the "documents" processor is
 * catching up — rendered from its event, which gives the same bytes.
 */
@Component
public class Documents {

    public record Pdf(String number, byte[] bytes) {
    }

    private final JdbcClient jdbc;
    private final EventStore events;

    Documents(JdbcClient jdbc, EventStore events) {
        this.jdbc = jdbc;
        this.events = events;
    }

    public Optional<Pdf> invoice(UUID invoiceId) {
        return stored(invoiceId).or(() -> events.readEvents(invoiceId.toString()).asStream()
                .map(EventMessage::getPayload).filter(InvoiceIssued.class::isInstance).map(InvoiceIssued.class::cast)
                .findFirst().map(e -> new Pdf(e.number(), DocumentRenderer.invoice(e))));
    }

    /** A credit note's events live in its invoice's stream. */
    public Optional<Pdf> creditNote(UUID invoiceId, UUID creditNoteId) {
        return stored(creditNoteId).or(() -> events.readEvents(invoiceId.toString()).asStream()
                .map(EventMessage::getPayload).filter(CreditNoteIssued.class::isInstance)
                .map(CreditNoteIssued.class::cast).filter(e -> e.creditNoteId().equals(creditNoteId))
                .findFirst().map(e -> new Pdf(e.number(), DocumentRenderer.creditNote(e))));
    }

    private Optional<Pdf> stored(UUID documentId) {
        record Row(String number, byte[] pdf) {
        }
        return jdbc.sql("SELECT number, pdf FROM invoice_document WHERE document_id = ?").param(documentId)
                .query(Row.class).optional().map(r -> new Pdf(r.number(), r.pdf()));
    }
}
