package fr.marelle.gateway.web.billing;

import fr.marelle.gateway.security.CurrentActor;
import fr.marelle.gateway.security.GatewayUser;
import fr.marelle.gateway.services.billing.BillingClient;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

import java.util.UUID;

/**
 * "Ma facturation" (screen 18): the family's invoices and orders, newest first, with the empty state of the old
 * portal; an order's lines and what became of each day; the invoices' and credit notes' PDFs. billing-service scopes
 * every call to the parent's family: another family's ids answer 404.
 */
@Controller
class ParentBillingController {

    private final BillingClient billing;

    ParentBillingController(BillingClient billing) {
        this.billing = billing;
    }

    @GetMapping("/ma-facturation")
    String billing(Model model) {
        GatewayUser user = CurrentActor.user().orElseThrow();
        model.addAttribute("billing", billing.familyBilling(user.familyId()));
        return "billing/my-billing";
    }

    @GetMapping("/ma-facturation/commandes/{orderId}")
    String order(@PathVariable UUID orderId, Model model) {
        model.addAttribute("detail", billing.order(orderId));
        return "billing/my-order";
    }

    @GetMapping("/ma-facturation/factures/{invoiceId}/pdf")
    ResponseEntity<byte[]> invoicePdf(@PathVariable UUID invoiceId) {
        BillingClient.InvoiceDetail invoice = billing.invoice(invoiceId);
        return pdf(invoice.invoice().number(), billing.invoicePdf(invoiceId));
    }

    @GetMapping("/ma-facturation/avoirs/{creditNoteId}/pdf")
    ResponseEntity<byte[]> creditNotePdf(@PathVariable UUID creditNoteId) {
        byte[] pdf = billing.creditNotePdf(creditNoteId);
        return pdf("avoir-" + creditNoteId, pdf);
    }

    static ResponseEntity<byte[]> pdf(String name, byte[] bytes) {
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(name + ".pdf")
                        .build().toString())
                .body(bytes);
    }
}
