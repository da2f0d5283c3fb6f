package fr.marelle.billing.web;

import fr.marelle.billing.document.Documents;
import fr.marelle.billing.invoice.query.InvoiceBook;
import fr.marelle.billing.invoice.query.InvoiceBook.CreditNoteView;
import fr.marelle.billing.invoice.query.InvoiceBook.InvoiceDetail;
import fr.marelle.billing.invoice.query.InvoiceBook.InvoiceSummary;
import fr.marelle.billing.order.query.OrderHistory;
import fr.marelle.billing.order.query.OrderHistory.OrderDetail;
import fr.marelle.billing.order.query.OrderHistory.OrderSummary;
import fr.marelle.platform.errors.DomainException;
import fr.marelle.platform.security.Callers;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;
import java.util.UUID;

/**
 * A family's billing ("Ma facturation", screen 18): its orders and invoices, newest first, their details and PDFs.
 * A parent only ever reaches their own family's: another family's ids answer 404, exactly like unknown ones.
 */
@RestController
class FamilyBillingController {

    record FamilyBilling(String familyId, List<OrderSummary> orders, List<InvoiceSummary> invoices,
                         List<CreditNoteView> creditNotes) {
    }

    private final OrderHistory orders;
    private final InvoiceBook invoices;
    private final Documents documents;

    FamilyBillingController(OrderHistory orders, InvoiceBook invoices, Documents documents) {
        this.orders = orders;
        this.invoices = invoices;
        this.documents = documents;
    }

    @GetMapping("/api/families/{familyId}/billing")
    FamilyBilling billing(@PathVariable String familyId,
                          @RequestParam(name = "limit", defaultValue = "100") int limit) {
        Callers.require(Roles.FAMILY_READ);
        String family = Callers.familyScope(familyId);
        int bounded = Math.min(Math.max(limit, 1), 500);
        return new FamilyBilling(family, orders.ordersOf(family, bounded), invoices.invoicesOf(family, bounded),
                invoices.creditNotesOf(family));
    }

    @GetMapping("/api/orders/{orderId}")
    OrderDetail order(@PathVariable UUID orderId) {
        Callers.require(Roles.FAMILY_READ);
        return orders.order(orderId).filter(o -> Callers.canSee(o.order().familyId()))
                .orElseThrow(() -> DomainException.notFound("ORDER_NOT_FOUND", "Commande introuvable."));
    }

    @GetMapping("/api/invoices/{invoiceId}")
    InvoiceDetail invoice(@PathVariable UUID invoiceId) {
        Callers.require(Roles.FAMILY_READ);
        return invoices.invoice(invoiceId).filter(i -> Callers.canSee(i.invoice().familyId()))
                .orElseThrow(FamilyBillingController::invoiceNotFound);
    }

    @GetMapping(value = "/api/invoices/{invoiceId}/pdf", produces = MediaType.APPLICATION_PDF_VALUE)
    ResponseEntity<byte[]> invoicePdf(@PathVariable UUID invoiceId) {
        Callers.require(Roles.FAMILY_READ);
        invoices.summary(invoiceId).filter(i -> Callers.canSee(i.familyId()))
                .orElseThrow(FamilyBillingController::invoiceNotFound);
        return pdf(documents.invoice(invoiceId).orElseThrow(FamilyBillingController::invoiceNotFound));
    }

    @GetMapping(value = "/api/credit-notes/{creditNoteId}/pdf", produces = MediaType.APPLICATION_PDF_VALUE)
    ResponseEntity<byte[]> creditNotePdf(@PathVariable UUID creditNoteId) {
        Callers.require(Roles.FAMILY_READ);
        CreditNoteView note = invoices.creditNote(creditNoteId).filter(n -> Callers.canSee(n.familyId()))
                .orElseThrow(FamilyBillingController::creditNoteNotFound);
        return pdf(documents.creditNote(note.invoiceId(), creditNoteId)
                .orElseThrow(FamilyBillingController::creditNoteNotFound));
    }

    private static ResponseEntity<byte[]> pdf(Documents.Pdf pdf) {
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(pdf.number() + ".pdf").build().toString())
                .body(pdf.bytes());
    }

    static DomainException invoiceNotFound() {
        return DomainException.notFound("INVOICE_NOT_FOUND", "Facture introuvable.");
    }

    static DomainException creditNoteNotFound() {
        return DomainException.notFound("CREDIT_NOTE_NOT_FOUND", "Avoir introuvable.");
    }
}
