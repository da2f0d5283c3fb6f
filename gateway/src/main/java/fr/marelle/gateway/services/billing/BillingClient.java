package fr.marelle.gateway.services.billing;

import fr.marelle.gateway.services.ServiceClients;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.stereotype.Component;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The gateway's side of billing-service's HTTP API, always called as the logged-in user (billing scopes a parent to
 * their own family and checks staff roles itself). Answers are read into the records below.
 */
@Component
public class BillingClient {

    public record OrderSummary(UUID orderId, String number, String familyId, OffsetDateTime placedAt, long totalCents,
                               int bookedLines, int waitlistedLines) {
    }

    public record OrderLine(int position, String bookingId, String childId, String childName, String serviceId,
                            String serviceName, LocalDate date, String outcome, Long unitPriceCents, Long amountCents,
                            String status, String invoiceNumber) {
    }

    public record OrderDetail(OrderSummary order, List<OrderLine> lines) {
    }

    public record InvoiceSummary(UUID invoiceId, String number, String familyId, LocalDate periodStart,
                                 LocalDate periodEnd, long totalCents, long creditedCents, String billedTo,
                                 OffsetDateTime issuedAt) {
    }

    public record InvoiceLine(int lineIndex, String childName, String serviceName, String kind, long unitPriceCents,
                              int quantity, long amountCents, int creditedQuantity, List<LocalDate> dates) {
        public int creditable() {
            return quantity - creditedQuantity;
        }
    }

    public record CreditNote(UUID creditNoteId, String number, UUID invoiceId, String familyId, long totalCents,
                             String reason, OffsetDateTime issuedAt, String issuedBy) {
    }

    public record InvoiceDetail(InvoiceSummary invoice, List<InvoiceLine> lines, List<CreditNote> creditNotes) {
    }

    public record FamilyBilling(String familyId, List<OrderSummary> orders, List<InvoiceSummary> invoices,
                                List<CreditNote> creditNotes) {
        public FamilyBilling {
            orders = orders == null ? List.of() : orders;
            invoices = invoices == null ? List.of() : invoices;
            creditNotes = creditNotes == null ? List.of() : creditNotes;
        }

        public boolean isEmpty() {
            return orders.isEmpty() && invoices.isEmpty();
        }

        public List<CreditNote> creditNotesOf(UUID invoiceId) {
            return creditNotes.stream().filter(n -> n.invoiceId().equals(invoiceId)).toList();
        }
    }

    public record Run(UUID runId, LocalDate periodStart, String status, String requestedBy, OffsetDateTime startedAt,
                      OffsetDateTime finishedAt, int families, int issued, int skipped, int failed, long totalCents,
                      String lastError, long documentsRendered, long invoicesOfPeriod) {
        public boolean isRunning() {
            return "RUNNING".equals(status);
        }
    }

    public record RunStarted(UUID runId) {
    }

    public record Issued(UUID creditNoteId, String number, long totalCents) {
    }

    public record Bracket(Integer maxQuotientFamilial, long unitPriceCents) {
    }

    public record Grid(String serviceId, LocalDate effectiveFrom, List<Bracket> brackets, long unbookedSurchargeCents,
                       OffsetDateTime publishedAt, String publishedBy) {
        /** A grid may still be changed or withdrawn until it takes effect. */
        public boolean isFuture(LocalDate today) {
            return effectiveFrom.isAfter(today);
        }
    }

    public record Service(String serviceId, String code, String name, String cesuClass, String unit, boolean active) {
    }

    public record ServiceTariffs(Service service, List<Grid> grids, Grid inForce) {
        public ServiceTariffs {
            grids = grids == null ? List.of() : grids;
        }
    }

    /** Downloaded document: its number (for the file name) and bytes. */
    public record Pdf(String fileName, byte[] bytes) {
    }

    private static final String BILLING = "billing";
    private final ServiceClients services;

    BillingClient(ServiceClients services) {
        this.services = services;
    }

    private ServiceClients.Call call() {
        return services.service(BILLING);
    }

    public FamilyBilling familyBilling(Object familyId) {
        return call().get("/api/families/{id}/billing", FamilyBilling.class, familyId);
    }

    /** The family's {@code limit} latest orders and invoices (and every credit note), newest first. */
    public FamilyBilling familyBilling(Object familyId, int limit) {
        return call().get("/api/families/{id}/billing?limit={limit}", FamilyBilling.class, familyId, limit);
    }

    public OrderDetail order(UUID orderId) {
        return call().get("/api/orders/{id}", OrderDetail.class, orderId);
    }

    public InvoiceDetail invoice(UUID invoiceId) {
        return call().get("/api/invoices/{id}", InvoiceDetail.class, invoiceId);
    }

    public byte[] invoicePdf(UUID invoiceId) {
        return call().get("/api/invoices/{id}/pdf", byte[].class, invoiceId);
    }

    public byte[] creditNotePdf(UUID creditNoteId) {
        return call().get("/api/credit-notes/{id}/pdf", byte[].class, creditNoteId);
    }

    public Issued issueCreditNote(UUID invoiceId, String reason, List<Map<String, Object>> lines) {
        return call().post("/api/invoices/{id}/credit-notes", Map.of("reason", reason, "lines", lines), Issued.class,
                invoiceId);
    }

    public List<Run> runs() {
        return call().get("/api/invoice-runs", new ParameterizedTypeReference<List<Run>>() {
        });
    }

    public Run run(UUID runId) {
        return call().get("/api/invoice-runs/{id}", Run.class, runId);
    }

    public RunStarted startRun(String period) {
        return call().post("/api/invoice-runs", Map.of("period", period), RunStarted.class);
    }

    public List<ServiceTariffs> tariffs() {
        return call().get("/api/tariffs", new ParameterizedTypeReference<List<ServiceTariffs>>() {
        });
    }

    public void publishGrid(String serviceId, LocalDate effectiveFrom, List<Map<String, Object>> brackets,
                            long unbookedSurchargeCents) {
        call().put("/api/tariffs/{service}/grids/{date}", Map.of("brackets", brackets,
                "unbookedSurchargeCents", unbookedSurchargeCents), serviceId, effectiveFrom);
    }

    public void withdrawGrid(String serviceId, LocalDate effectiveFrom) {
        call().post("/api/tariffs/{service}/grids/{date}/withdrawal", null, Void.class, serviceId, effectiveFrom);
    }
}
